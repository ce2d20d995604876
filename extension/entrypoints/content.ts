import { defineContentScript } from 'wxt/utils/define-content-script';
import { SUPPORTED_MATCHES, supportedDomainOf } from '../sites/hosts';

export default defineContentScript({
  matches: SUPPORTED_MATCHES,
  runAt: 'document_idle',
  main() {
    // The manifest already limits where this runs; this guards against a
    // pattern that is wider than the site list, before any adapter starts.
    if (!supportedDomainOf(location.hostname)) return;
  },
});
