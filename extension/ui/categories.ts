// Engagement categories as people read them, in the UI language (popup and options page).
import { i18n } from '#i18n';
import type { Category } from '../../shared/schemas';

export const CATEGORY_NAMES: Record<Category, () => string> = {
  question: () => i18n.t('categoryQuestion'),
  complaint: () => i18n.t('categoryComplaint'),
  praise: () => i18n.t('categoryPraise'),
  purchase_intent: () => i18n.t('categoryPurchaseIntent'),
  spam: () => i18n.t('categorySpam'),
  other: () => i18n.t('categoryOther'),
};
