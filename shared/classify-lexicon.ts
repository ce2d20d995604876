// Lexicons of the engagement classifier (./classify.ts), one row per language.
//
// Entries are written as people type them; ./classify.ts folds every entry the way it
// folds the text (lowercase, no diacritics or tones, Arabic/Persian letters unified,
// doubled letters collapsed, apostrophes dropped), so "không" also covers "khong" and
// "ça coûte" covers "ca coute". Syntax of a list: entries separated by '|'.
// - `word*`  matches any word starting with "word" (refund → refunds, refunded).
// - `*word`  matches any word ending with "word" (Hebrew/Arabic clitics: והמשלוח).
// - `-entry` counts half: a hint, not proof, needing a second hint to decide.
// Keys:
// - stop: frequent function words, for language detection only (space-separated).
// - qw: interrogatives that make a clause a question when they start it ("how do i…").
// - qe: question particles that end a clause (Vietnamese "không", Indonesian "gak").
// - question, complaint, purchase, spam, praise: phrases found anywhere.
// - neg: negators: a praise word right after one counts for complaint ("not good"),
//   a complaint word right after one counts for nothing ("no problem").
// - again: repetition markers ("again", "otra vez") that turn praise into sarcasm when
//   shouted or next to a complaint.
// - mask: idioms removed before matching because their words mislead ("no worries").
// - why: "why"-words; a clause starting with one is a complaint phrased as a question.
// - bait: banter that only looks like a question ("who else is watching this at 3am").
export interface LangLexicon {
  stop: string;
  qw: string;
  qe?: string;
  question: string;
  complaint: string;
  purchase: string;
  spam: string;
  praise: string;
  neg: string;
  again: string;
  mask?: string;
  /** Interrogatives that, starting a clause, make it a complaint: "why is my order…". */
  why?: string;
  /** Banter that looks like a question and is none: "who else is watching this?". */
  bait?: string;
}

export const LEXICON = {
  en: {
    stop: 'the a an and is are was i you it this that to of in for on my your me we with not do does have be can will just so what how why they our get got lol lmao first its im like all about from there their if or but ngl af tbh literally really',
    qw: 'how|what|whats|where|wheres|when|why|who|which|is|are|can|could|do|does|did|will|would|should|any|anyone|anybody|has|have|hows|whens|may',
    question: 'anyone know|does anyone|is there a way|any idea|any ideas|any update|any news|wondering|i wonder|question|can someone|someone help|pls help|please help|help me|how to|how do|need help|idk how|not sure how|what time|is it possible|compatible with|work with|is it safe|is it true|is this|how long|what is|anyone tried',
    complaint:
      'not working|doesnt work|dont work|didnt work|stopped working|not work|broken|broke|still waiting|still not|still no|still havent|never arrived|not arrived|hasnt arrived|havent received|never received|didnt receive|not received|where is my|wheres my|where the hell|refund*|scam*|worst|terrible|horrible|awful|disappoint*|useless|ridiculous|unacceptable|waste of|crash*|-bug|bugs|buggy|glitch*|-error|errors|delay*|cancelled|canceled|charged twice|double charged|overcharg*|rude|no response|no reply|no answer|nobody answers|no one answers|ignoring|ignored|sucks|suck|trash|garbage|hate|hated|fix this|fix your|fix it|fed up|frustrat*|annoy*|angry|pissed|wtf|ugh|smh|not happy|unhappy|poor|bad|damaged|wrong order|wrong item|-missing|lost my|never again|do better|down again|keeps crashing|cant log|cant login|cant sign|locked out|hacked|stolen|not impressed|overpriced|rip off|ripoff|false advertising|joke|pathetic|shame on|shameful|disgusting|disgrace|complain*|lies|lying|liar*|fraud|thieves|robbery|stale|expired|nightmare|mess|messed up|screwed|fail|failed|fails|not acceptable|cancel my|unsubscribe|hold for|on hold|been waiting|waiting for|not even|mediocre|meh|regret|zero stars|0 stars|1 star|one star|not worth|support is|unusable|laggy|-late|-slow|-seriously|fix ur|logs me out|every single time|keeps logging|waited|thanks for nothing|cold food|arrived cold|still nothing|no one replies|nobody replies|kidding me|are you kidding|come on|so slow|too slow|lag|logged out|charged me|took my money',
    purchase:
      'how much|price|prices|pricing|-cost|costs|where can i buy|where to buy|where do i buy|where can i find|want to buy|wanna buy|want to order|wanna order|i want one|i want this|need this|need one|take my money|-buy|-buying|-purchase|-order|-ordering|-in stock|restock*|-available in|-do you ship|-ship to|-shipping to|-deliver to|-delivery to|-discount|-promo code|-coupon|-size|-sizes|link to buy|pre order|preorder|add to cart|-checkout|can i get|-do you sell|sell this|selling this|-payment plan|installment*|cost of|-is it available|-still available|how do i order|how can i order|sign me up|want it|need it|get one|getting one|pick one up|-restock|-installment|adding to cart|in my cart|carted|copping|cop|gotta have|gotta get|ill take|take two|dropping money|shut up and take',
    spam:
      'follow me|follow back|f4f|check my|check out my|visit my|my profile|my page|my channel|subscribe to my|sub4sub|link in bio|link in my bio|click the link|click here|dm me for|earn money|make money|earn $|bitcoin|crypto|btc|forex|invest*|profit*|free followers|-followers|promo my|-whatsapp|-telegram|onlyfans|hot singles|xxx|casino|betting|-loan|cash app|cashapp|work from home|passive income|per day|per week|100% free|limited offer|-winner|you won|you have won|contact him|contact her|recovery expert|-hacker|-dm me|inbox me|message me for|daily income|-invest|-profit|collab|collaboration|we pay|your page|your profile|your feed|your content|dm us|ambassador|promote your|promotion for your|free iphone|giveaway|gift card|claim|free gift',
    praise:
      'love|loved|loving|lovely|amazing|awesome|great|excellent|perfect|best|beautiful|gorgeous|stunning|fantastic|wonderful|brilliant|incredible|cool|nice|good|well done|thank you|thanks|thx|ty|tysm|appreciate*|impressed|impressive|obsessed|favorite|favourite|fav|goat|fire|lit|slay|slays|slaps|dope|legend|legendary|queen|king|wow|yay|recommend*|5 stars|five stars|10/10|delicious|top notch|superb|cute|adorable|happy|glad|excited|cant wait|congrats|congratulations|proud|inspiring|helpful|life saver|lifesaver|game changer|worth it|beast|fab|fabulous|gem|bravo|kudos|respect|masterpiece|epic|stellar|flawless|outstanding|bless|blessed|sweet|pretty|handsome|yummy|insane|addicted|hooked|bussin|fast af|chefs kiss|elite|unreal|so fast|super fast|smooth|mvp|hero|saved me|saved my',
    neg: 'not|no|never|dont|doesnt|didnt|isnt|wasnt|arent|cant|wont|hardly|nothing|nor|aint|without',
    again: 'again|as always|as usual|every time|everytime',
    mask: 'no problem|no problems|no worries|not bad|no complaints|cant complain|no issues|never disappoints|never disappointed|cant go wrong|killing it|killed it|sick of waiting|wicked',
    why: 'why|how come|whyy',
    bait: 'who else|anyone else|whos watching|who is watching|who else is|watching this in|watching this at|anyone here',
    qe: 'or not|or nah|or no',
  },
  es: {
    stop: 'el la los las de que y en un una es no por para con mi me lo se su al del te pero muy más ya esto está estoy yo tu hay todo como eso son ustedes mis tiene tengo nos jaja jajaja saludos desde mira pa porfa xq q tb pq esta este estos aquí hoy ahora bien',
    qw: 'cómo|qué|dónde|cuándo|por qué|porqué|cuál|cuánto|cuánta|quién|hay|tienen|puedo|pueden|se puede|alguien|me pueden|podrían|saben|es posible|van a|tendrán',
    question: 'alguien sabe|alguna idea|me ayudan|ayuda|saber si|quisiera saber|quería saber|una pregunta|duda|consulta|me explican|como hago|cómo se|sirve para|sirve pa|es compatible|funciona con|se puede pagar|aceptan',
    complaint:
      'no funciona|no sirve|no llega|no ha llegado|no me llega|no me ha llegado|no llegó|nunca llegó|todavía no|aún no|sigo esperando|esperando mi|esperando respuesta|reembolso|devolución|devuelvan|estafa*|pésimo|pésima|horrible|terrible|malísimo|malo|mala|fatal|vergüenza|decepción|decepcionado|decepcionada|decepcionante|nadie responde|nadie contesta|no contestan|no responden|sin respuesta|roto|rota|dañado|dañada|error|falla|fallo|se cae|caído|lento|lenta|retraso|atraso|cobraron|cobro doble|queja|reclamo|harto|harta|mal servicio|peor|basura|mierda|no vuelvo|nunca más|cancelaron|no puedo entrar|no me deja|me estafaron|robo|ladrones|asco|abusivo|abuso|burla|inaceptable|indignante|indignado|molesto|molesta|enojado|cansado de|desastre|engaño|mentira|mentirosos|no sirven|ni responden|lamentable|carísimo|no recomiendo|-tarde|-caro|-mal|se cierra|arreglen|arreglenla|arréglenlo|sin internet|sin luz|sin señal|desde hace|sigue en|sigue sin|siguen sin|no me responden|me dejaron|esperé|llevo|ni siquiera|de verdad|en serio|ya basta|cada vez que|gracias por nada|qué servicio|vaya servicio|menudo servicio',
    purchase:
      'precio|precios|costo|dónde consigo|quiero uno|quiero una|lo quiero|la quiero|los quiero|me interesa|comprar|compro|-pedir|-envían a|-tienen stock|-hay stock|-disponible|-talla|-tallas|-descuento|-cupón|-promoción|info por favor|-inbox|-md|-mp|a meses|meses sin intereses|venden|vende|-delivery|-envío|-envíos|cómo pido|cómo lo pido|cómo hago el pedido|-pedido|encargar|me lo llevo|tienen en|hay en talla|info por inbox|paso a buscarlo|compraré|quiero el|quiero la|quiero los|necesito|cuánto',
    spam:
      'sígueme|sigue mi|visita mi|mi perfil|mi canal|suscríbete|gana dinero|ganar dinero|ganancias|inversión|invierte|escríbeme|enlace en mi|haz clic|clic aquí|seguidores gratis|-seguidores|-whatsapp|-telegram|criptomonedas|bitcoin|trabajo desde casa|ingresos extra|ingresos pasivos|préstamo|préstamos|contáctame|gana $|colaboración|tu perfil|escríbenos|embajadora|embajadoras|embajador|pagada|solo hoy|iphone gratis|premio|premios|gana un|ganaste|regalo',
    praise:
      'encanta|encantó|encantada|encantado|amo|genial|excelente|increíble|hermoso|hermosa|precioso|preciosa|bonito|bonita|lindo|linda|bello|bella|perfecto|perfecta|maravilloso|maravillosa|espectacular|buenísimo|buenísima|bueno|buena|brutal|chido|chida|bacán|guay|mola|gracias|felicidades|felicitaciones|enhorabuena|bravo|lo mejor|el mejor|la mejor|los mejores|top|crack|cracks|fan|recomiendo|recomendado|delicioso|deliciosa|rico|rica|riquísimo|súper|divino|divina|guau|orgullo|orgullosa|orgulloso|feliz|contento|contenta|10/10|fantástico|fantástica|genios|genia|capo|capos|joya|chévere|bacano|de lujo|buenazo|excelentes|hermosos|maravilla',
    neg: 'no|nunca|ni|tampoco|nada|sin|jamás',
    again: 'otra vez|de nuevo|una vez más|siempre',
    mask: 'no pasa nada|no hay problema|sin problema|no está mal|nada mal|de nada|no hay de que',
    why: 'por qué|porque|xq|pq|cómo es posible',
    bait: 'alguien más|quién más|quien más|viendo esto',
    qe: 'o no|o qué',
  },
  fr: {
    stop: 'le la les de des du un une et est pas je tu il elle on nous vous ce cest ça que qui en dans pour sur avec mon ma mes ne plus très mais au aux suis jai y a votre vos trop par ton ta te moi toi ptdr mdr premier regarde cet cette ces tout tous fait faire ici aussi quoi',
    qw: 'comment|pourquoi|quand|où|quel|quelle|quels|quelles|combien|qui|est-ce|est ce que|peut-on|pouvez-vous|avez-vous|y a-t-il|ya t il|on peut|je peux|qqn|quelquun|cest quand|cest où|vous avez|vous faites|vous livrez|il y a',
    qe: 'quand|où|comment|pourquoi|combien|quoi|ou pas|ou non',
    question: 'quelquun sait|qqn sait|une question|petite question|savoir si|aimerais savoir|voudrais savoir|besoin daide|des infos|une idée|est ce que|est-il possible|aidez moi|cest compatible|compatible avec|ça marche avec|svp|stp|possible de|on peut payer',
    complaint:
      'marche pas|marche plus|fonctionne pas|fonctionne plus|toujours pas|toujours rien|jamais reçu|pas reçu|rien reçu|pas livré|pas arrivé|jamais arrivé|retard|remboursement|remboursez|rembourser|arnaque*|escroc*|nul|nulle|nuls|pourri|pourrie|honteux|honte|inadmissible|inacceptable|scandale|scandaleux|déçu|déçue|déçus|décevant|décevante|déception|horrible|catastrophe|catastrophique|lamentable|pire|personne ne répond|aucune réponse|pas de réponse|sans réponse|répondez|cassé|cassée|abîmé|abîmée|bug|bugs|bugue|beug|plante|panne|erreur|marre|ras le bol|galère|merde|chiant|relou|pas content|pas contente|mécontent|mécontente|plainte|réclamation|annulé|annulée|prélevé|débité|double paiement|trop cher|voleurs|injoignable|plus jamais|bloqué|bloquée|perdu|attends toujours|jattends|j attends|foutage de gueule|se moquer|vous moquez|abusé|abusez|naze|fuyez|à fuir|déplorable|médiocre|lent|lente|froid|froide|sale|dégueulasse|dégoûtant|mauvais|mauvaise|pas terrible|bof|aucun respect|toujours en|depuis|en préparation|merci pour rien|bravo pour|super service|aucune nouvelle|pas de nouvelles|sans nouvelles|sérieux|sérieusement|cest une blague|foutez|attente',
    purchase:
      '-combien|cest combien|coûte|prix|tarif|tarifs|je le veux|je la veux|je les veux|jen veux|jachète|acheter|commander|en stock|-dispo|-disponible|-livrez|-taille|-tailles|-promo|-réduction|-soldes|-mp|intéressé|intéressée|je prends|où trouver|boutique|vendez|se procurer|je commande|passer commande|il men faut|il me le faut|besoin dun|-livraison|-commande|le prendre|je vais la prendre|je la prends|je le prends|je craque|jen prends|je veux le même|je veux la même',
    spam:
      'suivez moi|abonnez vous|abonne toi|mon profil|ma page|ma chaîne|lien dans ma bio|lien en bio|cliquez|gagner de largent|gagnez|argent facile|revenus passifs|investissement|investir|crypto|bitcoin|forex|abonnés gratuits|-whatsapp|-telegram|écrivez moi|contactez moi|prêt rapide|prêt entre particuliers|ton profil|collab|collaboration|rémunérée|ambassadrice|ambassadrices|ambassadeur|à gagner|clique|gagne|par jour|cadeau|cadeaux|en privé|écris-moi',
    praise:
      'jadore|adore|jaime|aime|magnifique|magnifiques|superbe|super|génial|géniale|géniaux|excellent|excellente|parfait|parfaite|merveilleux|merveilleuse|top|trop bien|trop bon|trop bonne|bravo|merci|félicitations|chapeau|beau|belle|mignon|mignonne|sublime|canon|ouf|dingue|kiffe|kiff|cool|joli|jolie|délicieux|délicieuse|miam|meilleur|meilleure|recommande|fan|bien joué|génie|pépite|love|wow|trop fort|trop forte|pas mal|incroyable|formidable|splendide|vraiment bien|très bien|très bon|très bonne|bon travail|merveille|les meilleurs|ravie|ravi|contente|content|heureuse|heureux|dinguerie|tuerie|ça tue|stylé|validé|masterclass|classe|régal|bluffant|impeccable|nickel|rapide',
    neg: 'pas|jamais|rien|aucun|aucune|ne|sans|plus',
    again: 'encore|comme dhab|comme dhabitude|toujours|une fois de plus|à chaque fois',
    mask: 'pas de souci|pas de soucis|pas de problème|pas mal|de rien|sans souci|jai pas de mots',
    why: 'pourquoi|comment ça se fait|cest normal que',
    bait: 'qui dautre|qui regarde|qui est là',
  },
  de: {
    stop: 'der die das und ist nicht ich du er sie es wir ihr ein eine einen dem den mit auf für zu von im in war bin hab habe habt mein meine noch aber auch so wie was wo wann warum nur sehr mal euch eure euer nach einem einer alles gerne wieder nix anderes mehr an teil erster digga lol echt jetzt heute oder sich man doch ja nein dann',
    qw: 'wie|was|wo|wann|warum|wieso|weshalb|welche|welcher|welches|wer|wieviel|wie viel|gibt es|gibts|kann ich|kann man|können sie|könnt ihr|habt ihr|haben sie|ist das|ist es|sind|seid ihr|weiß jemand|hat jemand|woher|wohin|bekommt man|kommt|wird|werden|geht das|geht es|funktioniert das|passt das|ist der|ist die|hat der|hat die|kommt der|kommt die',
    question: 'weiß jemand|hat jemand|kennt jemand|frage|hilfe|wissen ob|kann mir jemand|ist es möglich|ist das möglich|gibt es eine möglichkeit|bitte um info|geht das|geht es|funktioniert das|passt das|gibt es das|gibts den|gibts die|gibts das|ist der|ist die|hat der|hat die|kann man',
    complaint:
      'funktioniert nicht|geht nicht|klappt nicht|immer noch nicht|immer noch kein|nicht angekommen|nie angekommen|nicht erhalten|nichts erhalten|nicht bekommen|nichts bekommen|nie bekommen|warte immer noch|erstattung|rückerstattung|geld zurück|betrug|betrüger|abzocke|abgezockt|schlecht|schlechter|schlechteste|schlechtesten|mies|katastrophe|katastrophal|frechheit|unverschämt|enttäuscht|enttäuschend|enttäuschung|keine antwort|kaputt|defekt|beschädigt|fehler|absturz|abgestürzt|verspätet|verspätung|zu spät|ärgerlich|nervt|genervt|sauer|wütend|beschwerde|reklamation|storniert|doppelt abgebucht|mist|scheiße|scheiß|müll|schrott|peinlich|nie wieder|schon wieder|unzufrieden|miserabel|grottig|lahm|-langsam|lächerlich|unterirdisch|geht gar nicht|unmöglich|saftladen|kundenservice|niemand|keiner|keine reaktion|ignoriert|zum kotzen|ätzend|furchtbar|schrecklich|-schade|-leider|ärger|verarscht|verarsche|sauerei|hilft nicht|falsch|falsche|kalt|-teuer|überteuert|wucher|-seit|-tagen|stürzt|abstürzt|echt jetzt|ernsthaft|im ernst|seit|tagen|hängt|kein internet|kein netz|kein empfang|danke für nichts|toller service|super service|na toll|wartezeit|warteschleife|wieso dauert|ewig|nix passiert|passiert nichts',
    purchase:
      'kostet|kosten|preis|preise|wo kann ich|wo bekomme ich|wo gibt es|wo gibts|kaufen|bestellen|will haben|haben will|brauch ich|brauche ich|ich will|-lieferbar|-verfügbar|-auf lager|-versand nach|-liefert ihr|-versendet|-liefern|-größe|-größen|-rabatt|-gutschein|rabattcode|-angebot|pn|kaufe|nehme ich|-shop|vorbestellen|vorbestellung|muss ich haben|brauche das|will ich|wann wieder|wieder verfügbar|gibt es das|gibts das|-bestellung|bestell ich|ich bestell|bestelle|hol ich mir|hole ich mir|hol mir|kauf ich|gekauft|nehm ich',
    spam:
      'folgt mir|folge mir|mein profil|mein kanal|abonniert|link in bio|link im profil|geld verdienen|verdiene|nebenverdienst|passives einkommen|investieren|krypto|bitcoin|-follower|-whatsapp|-telegram|schreib mir|melde dich bei|kredit|gewinner|gewonnen|-gratis|-iphone|-klick|gratis|nur heute|gewinn|gewinnen|gewinnspiel|klick|iphone|kooperation|koop|dein profil|deine seite|schreib uns|pro tag',
    praise:
      'ich liebe|liebe es|lieben es|love|geil|mega|super|toll|klasse|spitze|großartig|wunderbar|wunderschön|sehr schön|so schön|wie schön|total schön|perfekt|genial|hammer|krass|stark|gut|top|danke|vielen dank|dankeschön|glückwunsch|bravo|lecker|köstlich|empfehlen|empfehlenswert|empfehle|begeistert|beste|bester|bestes|am besten|weiter so|traumhaft|fantastisch|cool|nice|süß|hübsch|grandios|fabelhaft|respekt|gefällt|tolle|toller|tolles|schöne|schöner|schönes|liebe grüße|freue mich|freu mich|wow|zufrieden|ein traum|meisterwerk|sensationell|herrlich|lieblings*|gutes|guter|gute|gerne wieder|gern wieder|immer wieder gerne|schnell|läuft|bombe|feier ich|ich feier|feiere',
    neg: 'nicht|nie|kein|keine|keinen|keiner|nix|nichts|ohne',
    again: 'wieder|wie immer|jedes mal|zum x-ten mal|erneut',
    mask: 'kein problem|keine sorge|nicht schlecht|nicht übel|gern geschehen|bitte schön',
    why: 'warum|wieso|weshalb|wie kann es sein',
    bait: 'wer guckt|wer schaut|wer noch|wer ist auch',
    qe: 'oder nicht|oder so|oder',
  },
  pt: {
    stop: 'o a os as de do da dos das e é que em um uma para pra por com não eu você vc meu minha se na no mais muito mas foi tem ta tá isso esse essa já vocês vcs aqui ai aí bem também tbm kkk kkkk primeiro gente mds tô pro tb faz dia',
    qw: 'como|onde|quando|porque|por que|pq|qual|quais|quanto|quanta|quem|tem|alguém|é possível|posso|pode|podem|dá pra|cadê|será|que horas|o que|oq|vai ter|vão|terá|vcs tem|vocês tem|vcs fazem|vocês fazem|vcs entregam|vocês entregam|vcs vendem|vocês vendem|gente',
    question: 'alguém sabe|me ajudem|me ajuda|dúvida|gostaria de saber|queria saber|saber se|informação|informações|como faço|como faz|como funciona|pergunta|vale pro|vale para|serve pra|serve para|funciona com|aceita|aceitam|é compatível|tem como|ou conta|ilimitado',
    complaint:
      'não funciona|não funcionou|parou de funcionar|não chegou|nunca chegou|ainda não|até agora|até hoje|nada ainda|ainda esperando|tô esperando|estou esperando|esperando até|aguardando até|aguardando resposta|aguardo resposta|reembolso|estorno|devolução|devolvam|golpe|golpista|golpistas|fraude|enganação|péssimo|péssima|horrível|ruim|lixo|merda|vergonha|decepção|decepcionado|decepcionada|decepcionante|ninguém responde|sem resposta|não respondem|não responde|quebrado|quebrada|defeito|erro|bug|travando|trava|travou|caiu|fora do ar|atrasado|atrasada|atraso|atrasou|cobrança|cobrado|cobraram|reclamação|reclame aqui|procon|cancelado|cancelaram|descaso|palhaçada|raiva|odeio|nunca mais|pior|insatisfeito|insatisfeita|puto|puta|sacanagem|mal atendimento|roubo|ladrões|ladrão|enganado|enganada|bosta|desrespeito|falta de respeito|porcaria|sem noção|mentira|mentirosos|demorando|demorou|lento|lenta|caro|caríssimo|não recomendo|tristeza|triste|chateado|chateada|cansado de|cansada de|não consigo|não dá|errado|errada|-faz|-há|-dias|-cai|-caindo|-toda vez|-problema|um absurdo|que absurdo|absurdo isso|de brincadeira|veio faltando|veio de|faz|há|dias|em separação|cai|caindo|toda vez|demora demais|que demora|obrigado por nada|valeu por nada|parabéns pela',
    purchase:
      'quanto custa|quanto é|qto|qnt|quanto sai|quanto tá|preço|valor|valores|onde encontro|onde acho|onde vende|queroo|comprar|compro|encomendar|encomenda|fazer pedido|fazer o pedido|-tem estoque|-em estoque|-disponível|-entrega em|-entregam|-envia para|-enviam|-frete|-tamanho|-tamanhos|-desconto|-cupom|-promoção|-parcela|-parcelado|-parcelas|-pix|chama no direct|manda no direct|me chama|-inbox|-direct|-vende|-vendem|-vendas|-loja|-tem no|-tem em|-tem na|-tem de|como compra|como peço|tô precisando|preciso|quero|vou levar|vou pegar|me vende|manda o link|passa o link|link pra compra|onde compra|comprando|vou querer',
    spam:
      'me segue|sigam|segue lá|meu perfil|meu canal|se inscreva|inscreva-se|link na bio|ganhar dinheiro|renda extra|investimento|invista|lucro|bitcoin|cripto|sorteio|seguidores|trabalhe em casa|chama no privado|pix na conta|sigo de volta|empréstimo|-ganhe|-grátis|-clique|parceria|seu perfil|chama a gente|divulgação|divulgue|embaixadora|ganhe|grátis|só hoje|clique',
    praise:
      'amei|amo|adorei|adoro|lindo|linda|lindos|lindas|maravilhoso|maravilhosa|perfeito|perfeita|incrível|sensacional|top|show|demais|muito bom|muito boa|ótimo|ótima|excelente|parabéns|obrigado|obrigada|obg|brigado|brigada|valeu|gostei|gostoso|gostosa|delícia|amando|apaixonado|apaixonada|apaixonei|fã|os melhores|melhor|recomendo|arrasou|arrasa|arrasaram|foda|mt bom|mto bom|massa|irado|fantástico|fantástica|diva|orgulho|feliz|sucesso|lindeza|perfeição|espetacular|maravilha|nota 10|nota mil|10/10|love|chique|fofo|fofa|fofura|qualidade|surreal|nota 1000|um amor|viciada|viciado|absurdo de|obcecada|perfeitinho|salvou|que base',
    neg: 'não|nem|nunca|jamais|n|sem|nada',
    again: 'de novo|denovo|novamente|outra vez|sempre|mais uma vez|toda vez',
    mask: 'sem problema|sem problemas|de boa|de nada|não tem problema|nada mal|não é ruim',
    why: 'por que|porque|pq|como assim|cadê',
    bait: 'quem mais|quem tá vendo|quem ta vendo|quem está vendo|vendo isso|quem aí',
    qe: 'ou não|ou',
  },
  vi: {
    stop: 'không khong ko dc được của mình bạn tôi nhé nha rồi ơi shop lắm quá với những một thì mà này vậy sao gì cũng đã sẽ các cho hàng em chị anh',
    qw: 'sao|tại sao|vì sao|làm sao|làm thế nào|thế nào|như thế nào|bao giờ|khi nào|ở đâu|đâu|ai|có ai|cho hỏi|cho mình hỏi|cho em hỏi|cho e hỏi|hỏi|bao nhiêu|có|liệu|mấy giờ|sao lại|bên mình có|shop có|shop ơi có|ad ơi|làm sao để|làm cách nào',
    qe: 'không|ko|k|hông|hok|chưa|sao|gì|j|nào|vậy|hả|nhỉ|đâu|chứ|ko ạ|không ạ|chưa ạ|ko shop|k shop|không shop|ko ad|được ko|được k|hay không|hay ko|hay k|ở đâu|k ạ|nào ạ|vậy ạ|sao ạ|gì ạ',
    question: 'cho hỏi|cho mình hỏi|cho em hỏi|cho e hỏi|cho m hỏi|ai biết|có ai|làm sao để|được không|được ko|dc ko|đc k|như nào|ntn|hỏi chút|hỏi xíu|muốn hỏi|giải thích|hướng dẫn|tư vấn giúp|giúp mình|giúp em|ở đâu|bao giờ|khi nào|thế nào|có không|có ko|hay chỉ|hay là|muốn xem',
    complaint:
      'không hoạt động|ko hoạt động|bị lỗi|lỗi rồi|báo lỗi|lỗi quá|app lỗi|lỗi app|web lỗi|hay lỗi|bị hư|hư rồi|chưa nhận|chưa giao|chưa thấy|chưa đến|chưa về|chậm|trễ|lâu quá|lâu vậy|lâu thế|đợi mãi|chờ mãi|đợi lâu|chờ lâu|đợi cả|chờ cả|hoàn tiền|trả hàng|lừa đảo|đểu|tệ|thất vọng|bực|tức|chán|không ai trả lời|ko ai trả lời|không trả lời|ko trả lời|k trả lời|ko rep|không rep|k rep|ko thèm rep|phốt|rác|vứt đi|hàng giả|fake|giao sai|sai màu|sai size|thiếu hàng|mất hàng|mất tiền|mất đơn|bể|vỡ|móp|khiếu nại|hủy đơn|trừ tiền|lần cuối|không bao giờ|không mua nữa|ko mua nữa|k mua nữa|đéo|cùi|như hạch|xấu|quá đáng|kém|không giống hình|ko giống hình|khác hình|không như hình|đơ|không đáng|phí tiền|ko đáng|mắc quá|đắt quá|sao lâu|sao chưa|sao vẫn|vẫn chưa|vẫn không|vẫn ko|mãi không|mãi chưa|không liên lạc được|gọi không được|tồi|ức chế|bị hỏng|hỏng rồi|hỏng hết|đã hỏng|ko ai bắt máy|không ai bắt máy|không bắt máy|ko bắt máy|k bắt máy|hoài|bị treo|treo máy|giao thiếu|cảm ơn vì|mấy ngày rồi|mấy tuần|cả tuần|1 tuần|2 tuần|cả tháng|rồi mà vẫn|mà chưa',
    purchase:
      'giá sao|giá nhiêu|giá nhiu|xin giá|báo giá|giá ạ|giá bn|giá ntn|giá sp|giá tiền|giá cả|-giá|bao nhiêu|bn tiền|nhiêu tiền|bnhieu|bnhiu|mua|đặt hàng|đặt 1|đặt cái|-order|chốt|lấy 1|lấy 2|mình lấy|em lấy|lấy cái|inbox|ib|-còn hàng|-còn không|-còn ko|-còn k|hết hàng chưa|-ship|ship cod|-freeship|-size|-sz|-màu|-sale|-mã giảm|-voucher|-cod|-thanh toán|-trả góp|-tư vấn|xin link|link sp|-bán|đặt trước|pre order|cần 1|muốn đặt|muốn lấy|-lấy|cho mình 1|cho em 1|đặt 2|đặt 3|đặt hai|đặt ba|giao về|ship cho mình|ship cho em|để lại 1|giữ cho mình|giữ cho em',
    spam:
      'kiếm tiền|thu nhập|việc nhẹ lương cao|-đầu tư|lãi suất|tiền ảo|-coin|theo dõi trang|ghé trang|ghé kênh|kênh của mình|sub kênh|đăng ký kênh|link trong bio|click vào|-zalo|-telegram|-cơ hội|tuyển cộng tác viên|tuyển ctv|-ctv|làm tại nhà|online tại nhà|vay tiền|vay vốn|cá cược|nhà cái|-nạp tiền|hoa hồng|follow mình|follow em|theo dõi mình|-kết bạn|lượt follow|tăng follow|tăng like|xem trang cá nhân|trang cá nhân mình|bán nick|bán acc|acc game|nick game|inbox mình để|ib mình để|kiếm thêm|mỗi ngày|1 ngày kiếm|làm online|nhận quà|quà tặng|trúng thưởng|miễn phí',
    praise:
      'thích|yêu|đẹp|xinh|tuyệt|xuất sắc|hay quá|hay lắm|rất hay|quá hay|hay thật|hay ghê|ngon|tốt|cảm ơn|thanks|tks|thank|đỉnh|xịn|ưng|hài lòng|10 điểm|5 sao|iu|mê|cute|siêu|giao nhanh|đóng gói cẩn thận|chu đáo|nhiệt tình|good|nice|best|vip|pro|chất|ok lắm|oke lắm|ổn áp|quá ổn|rất ổn|thương|đáng tiền|đáng mua|nên mua|recommend|hạnh phúc|vui|tự hào|chúc mừng|xứng đáng|quá trời|ship nhanh|10đ|y hình|giống hình|đúng hình|như hình|keo',
    neg: 'không|ko|k|chẳng|chả|chưa|hông|hok|đừng|chớ|khỏi|kém',
    again: 'lại|nữa|như mọi khi|như thường lệ|hoài|mãi',
    mask: 'không sao|ko sao|k sao|không có gì|ko có gì|không vấn đề|ko vấn đề|không tệ|ko tệ|không chê|ko chê|k chê|không chê được|chưa bao giờ thất vọng|không thất vọng|ko thất vọng|không hề thất vọng',
    why: 'tại sao|vì sao|sao|sao lại|sao mà',
    bait: 'ai còn|ai đang xem|ai xem',
  },
  he: {
    stop: 'של את זה לא אני אתה הוא היא על עם מה כל יש אין גם רק אבל כי או אם הם אנחנו שלי שלכם לכם לי זאת הזה היה כבר עוד מאוד אתם',
    qw: 'איך|מה|מתי|איפה|למה|מדוע|כמה|מי|האם|יש|אפשר|אפשרי|מישהו|תוכלו|באיזה|מאיפה|לאן|מה השעות|עד מתי|יש לכם|יש אפשרות',
    question: 'מישהו יודע|מישהו יכול|שאלה|רציתי לשאול|רציתי לדעת|אשמח לדעת|אפשר לדעת|אפשר לקבל|אפשר בבקשה|עזרה|תעזרו|למי לפנות|מה עושים|מה קורה עם|איפה|מתי|איך|האם',
    complaint:
      'לא עובד|לא עובדת|לא עובדים|לא הגיע|לא הגיעה|לא הגיעו|עדיין לא|עוד לא|לא קיבלתי|לא קיבלנו|מחכה|מחכים|כבר שבועיים|כבר שבוע|כבר חודש|*החזר|*החזר כספי|זיכוי|נוכלים|נוכלות|הונאה|עוקץ|גרוע|גרועה|גרועים|זוועה|זוועתי|נורא|נוראי|נוראית|איום|איומה|מחורבן|חרא|בושה|חרפה|מאכזב|מאכזבת|אכזבה|התאכזבתי|מאוכזב|מאוכזבת|לא עונים|לא עונה|אין מענה|אין תשובה|שבור|שבורה|פגום|פגומה|תקלה|תקלות|באג|קורס|קרס|נתקע|נתקעת|איחור|באיחור|מאחר|מאחרת|חייבו|חיוב כפול|תלונה|מתלונן|ביטלו|מעצבן|מעצבנת|עצבים|נמאס|שערורייה|שערוריה|חוצפה|לא מקצועי|לא מקצועיים|זלזול|מזלזלים|גניבה|גנבים|רמאים|פעם אחרונה|בזבוז|מגעיל|מגעילה|דפוק|דפוקה|על הפנים|סבל|אכזבתם|לא מומלץ|ממש לא|עושקים|יקר מדי|תקוע|תקועה|מתקלקל|התקלקל|הרוס|הרוסה|לא תקין|לא תקינה|עלוב|עלובה|פדיחה|אסון|בעיה|בעיות|כועס|כועסת|מאוד לא|לא מרוצה|לא מרוצים|מקולקל|הפסדתי|טעות|-ימים|-קר|-קרה|-קפצה|-קפץ|אין אינטרנט|אין חשמל|אין קליטה|לא מגיע|לא מגיעה|חיכיתי|חיכינו|קר|קרה|כבר יומיים|ימים|*בלי הודעה|בלי הודעה|קפצה|קפץ|בכלל יצאה|תודה על כלום|תודה על לא כלום|איזה שירות|ממש תודה|באמת תודה',
    purchase:
      'כמה עולה|כמה זה|מחיר|מחירים|*מחיר|עלות|איפה קונים|איך מזמינים|איך קונים|רוצה אחד|רוצה אחת|אני רוצה|לקנות|להזמין|-הזמנה|-*במלאי|יש במלאי|-זמין|-זמינה|משלוח ל|-משלוחים|-משלוח|-מידה|-מידות|-הנחה|קופון|קוד הנחה|-מבצע|תשלומים|בפרטי|מעוניין|מעוניינת|מעוניינים|אשמח לפרטים|-פרטים|מוכרים|חייב את זה|חייבת|איפה משיגים|לרכוש|רכישה|*רכישה|לרכישה|*לקנות|אני לוקחת|אני לוקח|לוקחת אחד|לוקח אחד|שמרו לי|תשמרו לי',
    spam:
      'תעקבו|עקבו|הפרופיל שלי|הערוץ שלי|הירשמו|לינק בביו|קישור בביו|לחצו|הכנסה פסיבית|להרוויח|הרוויחו|השקעה|השקעות|ביטקוין|קריפטו|-עוקבים|-וואטסאפ|-ווטסאפ|-טלגרם|עבודה מהבית|פנו אליי|כנסו לפרופיל|הכנסה נוספת|הלוואה|הלוואות|-קבלו|-מותק|לייקים|עוקבים|העמוד שלי|תבדקי את העמוד|תבדקו את העמוד|בעמוד שלי|מתנה בשווי|קבלו|הגרלה על|זכית|זכיתם|שיתוף פעולה|בתשלום|מותק',
    praise:
      'אוהב|אוהבת|אוהבים|אהבתי|מהמם|מהממת|מהממים|מושלם|מושלמת|מדהים|מדהימה|מדהימים|יפה|יפהפה|יפיפה|וואו|מעולה|מעולים|אחלה|סבבה|תודה|תותחים|תותח|תותחית|כל הכבוד|כהכ|גאים|גאה|מלכה|מלך|אלופים|אלוף|אלופה|טעים|ממליץ|ממליצה|מומלץ|שווה|פצצה|פיצוץ|משגע|משגעת|חלום|חלומי|קסום|נהדר|נפלא|נפלאה|חבל על הזמן|יופי|מרגש|מקסים|מקסימה|אין דברים כאלה|אין כמוכם|אין כמוך|מרוצה|מרוצים|ענק|ענקית|גאון|גאונים|מלאכים|אש|חזק|כיף|מטורף|מטורפת|-פשוט|-הכי|-מהיר|-מהירה|-מהר|הורס|הורסת|קורע|קורעת|הפתעתם|וואלה|מושלמים|בטירוף|פשוט|הכי|מהיר|מהירה|מהר',
    neg: 'לא|אין|אף|בלי|לעולם|ללא',
    again: 'שוב|עוד פעם|כרגיל|כמו תמיד|פעם שלישית|כל פעם',
    mask: 'אין בעיה|אין על|לא רע|לא נורא|אין כמו|אין דברים|אין כמוכם|אין כמוך|אין מילים|על לא דבר|בלי עין הרע|בלי עין רעה|בלי עין הרע',
    why: 'למה|מדוע|איך זה ש',
    bait: 'מי עוד|מי פה|מי כאן',
    qe: 'או לא',
  },
  fa: {
    stop: 'و در به از که این را با است برای آن من تو ما شما یه یک هم خیلی نه چی میشه می ها های بود شد کنم کنید هست نیست دارم دارید اون رو هم چرا کی کجا ولی اگه دیگه ham hast dare daram dari darid mikham mishe chera koja ro kheili kheyli khaili khob khoob nist bood shod mikonam mikone nemishe chon vali age dige hanooz alan emrooz amad oomad ghaza chetori khube salam baraye',
    qw: 'چطور|چطوری|چجوری|چگونه|چرا|کی|کجا|کجاست|چی|چند|چقدر|آیا|میشه|می شه|امکانش هست|امکان|کسی|دارین|دارید|کدوم|کدام|چه جوری|چه طور|چه وقت|چه زمانی|چیکار|چکار|شما|ببخشید|chetor|chetori|chejoori|chera|koja|kojast|chi|chand|cheghadr|aya|mishe|kasi|darin|darid|kodoom|key',
    qe: 'چیه|چیست|کجاست|کیه|چنده|چطوره|نه|یا نه|هست|دارید|دارین|میشه|chie|chande|hast|darin|mishe|ya na',
    question: 'کسی میدونه|کسی می دونه|سوال|میخواستم بدونم|می خواستم بدونم|میخواستم بپرسم|می خواستم بپرسم|راهنمایی|kasi midoone|soal|rahnamayi|komak|-رنگ|کجا|کی|چطوری|چطور|کدوم|رنگ|آیا|ayа|dare|dari|darid|hast',
    complaint:
      'کار نمیکنه|کار نمی کنه|کار نمیکند|خراب|خرابه|نرسیده|نرسید|نیومده|هنوز جواب|دریافت نکردم|منتظرم|منتظر|پس کی|پس چی شد|کلاهبردار|کلاهبرداری|دزد|دزدی|افتضاح|افتضاحه|بد|بده|بدترین|داغون|مزخرف|مزخرفه|آشغال|ضعیف|ناامید|ناامیدم|ناراضی|ناراضیم|شرم|خجالت بکشید|جواب نمیدید|جواب نمی دید|جواب نمیدن|جواب نمیدین|کسی جواب نمیده|پاسخگو نیستید|پاسخ نمیدید|شکسته|معیوب|باگ|ارور|خطا|-قطع|-قطعه|-دیر|تاخیر|پول منو|پولمو|پولم|برگشت پول|عودت|-لغو|-کنسل|شکایت|اعصاب|اعصابم|دیگه نمیخرم|دیگه خرید نمیکنم|-هرگز|مسخره|مسخرس|-گرون|-گرونه|بی ادب|بی‌ادب|توهین|عالی نیست|خوب نیست|راضی نیستم|راضی نبودم|یک هفته|دو هفته|چند روزه|چند هفته|هفته است|هفته هست|ماهه|kharab|kar nemikone|nareside|nayomade|montazeram|kolahbardar|eftezah|mozakhraf|ashghal|kheyli bad|khaili bad|kheili bad|takhir|javab nemidid|javab nemidin|javab nemidan|razi nistam|pooleman|poolam|badtarin|dozd|gerun|geroon|masakhare|khaste shodam|khasteh shodam|خسته شدم|اذیت|بی‌کیفیت|بی کیفیت|فاجعه|زشت|قلابی|تقلبی|اشتباه|-مشکل|ایراد|بدقول|حیف|پشیمون|پشیمان|سرکار گذاشتید|طول کشید|طول میکشه|کم شده|نشد|نمیشه|dir amad|dir oomad|sard|سرد|به به|ممنون از|دستتون درد نکنه واقعا|چه پشتیبانی|ساعت دیر|دیر رسید|دیر اومد|هنوز هیچ|هیچ خبری|خبری نیست|جوابی نیست',
    purchase:
      'قیمت|قیمتش|-چنده|چند تومن|چند تومنه|چقدره|خرید|بخرم|میخرم|میخوام|می خوام|میخوامش|سفارش|-موجود|-موجوده|-موجودی|-ارسال|-سایز|-رنگ|-تخفیف|قسطی|اقساط|-پرداخت|-دایرکت|از کجا تهیه|تهیه کنم|فروش|میفروشید|می فروشید|ghimat|gheymat|gheimat|chande|chand toman|kharid|bekharam|mikharam|mikham|mikhamesh|sefaresh|-mojood|-mojoode|-mojude|-ersal|-takhfif|-direct|-dayrekt|-size|-rang|خریدار|قیمتو|بفرستید|pv|پیوی|پی وی|میخرمش|می خرمش|برام کنار بذارید',
    spam:
      'فالو|فالوم کنید|پیج من|پیجم|کانال من|کانالم|لینک در بیو|لینک بیو|درآمد|سرمایه گذاری|ارز دیجیتال|بیت کوین|فالوور|ممبر|تلگرام|واتساپ|کلیک کنید|کار در منزل|follow|page man|daramad|بک بدید|شرط بندی|کازینو|وام',
    praise:
      'عالی|عالیه|خوب|خوبه|خوشگل|خوشگله|قشنگ|قشنگه|زیبا|زیباست|محشر|محشره|فوق العاده|فوق‌العاده|بی نظیر|بینظیر|مرسی|ممنون|ممنونم|سپاس|متشکرم|دمتون گرم|دمت گرم|دستتون درد نکنه|دست مریزاد|آفرین|عاشقشم|عاشقتم|عاشق|دوستش دارم|دوست دارم|بهترین|خفن|باحال|توپ|ترکوندی|ترکوندید|ایول|خوشمزه|پیشنهاد میکنم|perfect|aali|aalie|aliye|aaliye|khoob|khube|khoobe|ghashang|ghashange|khoshgel|khoshgele|mahshar|mahshare|merci|mersi|mamnoon|mamnun|damet garm|dametoon garm|eyval|ayval|bahal|khafan|behtarin|asheghesham|asheghetam|afarin|fogholade|fogh olade|ب‌نظیر|راضی|راضیم|لذت|شاهکار|دلبر|نازه|ناز|جذاب|معرکه|زنده باد|تبریک|مبارک|قربونت|گل|عزیزم|دوستتون دارم|love|nice|wow|وای|واو|دیوانه کننده|دیوونه|حرف نداره|حرف نداشت|سریع|تمیز|به موقع|kheili ali|harf nadare|bi nazir',
    neg: 'نه|هیچ|بدون|بی|na|hich',
    again: 'دوباره|باز|بازم|مثل همیشه|طبق معمول|dobare|baz|bazam|mesle hamishe|tebghe mamool',
    mask: 'مشکلی نیست|مشکلی نداره|بد نیست|بد نبود|اصلا بد نیست|خواهش میکنم|moshkeli nist|bad nist',
    why: 'چرا|chera|cheraa',
    bait: 'کسی اینجا هست|کسی هست|کی اینجاست|کسی اینجاست',
  },
  ar: {
    stop: 'في من على الى إلى عن هذا هذه ما لا انا انت هو هي كان مع كل ان أن يا شو ايش وش مش مو اللي الي لي بس كيف ليش لماذا والله عشان علشان لو هل قد تم كانت ولا انتو انتم احنا نحن',
    qw: 'كيف|كيفية|ازاي|شلون|كيفك|ماذا|شو|ايش|وش|ليش|ليه|لماذا|لما|متى|امتى|وين|فين|أين|هل|كم|بكم|بكام|قديش|مين|منو|عندكم|ممكن|يمكن|هل يوجد|يوجد|معقول|فيه|في حد|حد|لو سمحت|اي|انتو|انتم|kif|keef|kaif|ezay|izay|ezzay|shu|shou|eish|esh|eh|leh|lesh|leish|laish|emta|imta|meta|wen|wein|fen|feen|kam|bkam|bikam|addesh|2adesh|adeish|mumkin|momken|mumken|hal|fi 7ad|fe 7ad|fih|3andkom|3ndkom',
    qe: 'ليش|ليه|فين|وين|متى|امتى|ايش|شو|كيف|مين|ولا لا|leh|lesh|fen|feen|wen|emta|eh|shu|ولا',
    question: 'حد يعرف|احد يعرف|في حد|فيه حد|في احد|سؤال|ابغى اعرف|ابي اعرف|عايز اعرف|عاوز اعرف|بدي اعرف|حابب اعرف|حابة اعرف|استفسار|ممكن حد|ممكن تساعدوني|ساعدوني|ممكن توضيح|اريد ان اعرف|ممكن اعرف|7ad ye3raf|so2al|3ayez a3raf|baddi a3ref|bade a3ref|momken a3raf|mumkin a3ref|فين|ازاي|امتى|وين|كيف|fen|feen|ezay|emta|wen',
    complaint:
      'لا يعمل|ما يشتغل|مش شغال|مش شغالة|مو شغال|مبيشتغلش|ما اشتغل|عطلان|عطلانة|خربان|خربانة|معطل|معطلة|لم يصل|ما وصل|ماوصل|لحد الان|لحد دلوقتي|لغاية الآن|لحد هلأ|ما وصلني|موصلش|ماوصلنيش|ما وصلتني|مستني|مستنية|منتظر|بانتظار|استرجاع|استرداد|فلوسي|*فلوس|نصابين|نصاب|نصب|احتيال|حرامية|سرقة|سيء|سيئ|سيئة|زفت|وحش|وحشة|خايس|خايسة|اسوأ|سئ|فاشل|فاشلة|فشل|مقرف|قرف|زبالة|مهزلة|-عيب|عيب عليكم|حرام عليكم|خيبة|مخيب|محبط|ما في رد|مفيش رد|محدش بيرد|ما حد يرد|محد يرد|لا احد يرد|ما ترد|ما تردون|ليش ما تردو|ماحد رد|مكسور|مكسورة|تالف|تالفة|خطأ|غلط|-مشكلة|-مشاكل|بطيء|تأخير|تأخر|متأخر|اتأخر|-الغاء|شكوى|اشتكي|زهقت|زهقنا|طفشت|قرفتونا|ما انصح|لا انصح|ما بنصح|مش بنصح|اخر مرة|خسارة|ضحك على|حسبي الله|الله يسامحكم|-اسبوع|أسبوعين|-شهر|من امبارح|من يومين|كذابين|كذب|غش|مغشوش|للاسف|ما عجبني|مش عاجبني|مو عاجبني|ما حبيت|ضعيف|ضعيفة|-غالي|-غالية|حرامي|تعبتونا|تعبنا|استغلال|مستغلين|تلف|انقطاع|يقطع|فصل|mesh sha3al|msh sh3al|mish shaghal|mesh shaghal|msh shaghal|mish sha3el|ma wesel|ma wasal|ma wsl|lessa|lesa|lissa|nasabeen|nasab|za2at|zift|wa7esh|wi7esh|we7esh|se2|sayye2|fashel|moshkela|mushkila|moshkla|mafi rad|mafish rad|mahadesh byrod|ma 7ada byrod|5ara|khara|ta2khir|ta2kheer|ghalat|3alat|zbale|zbala|-8ali|-ghali|7aram 3alaikom|7aram 3alekom|harami|7arami|afsh|2ade|mosh 3agebny|msh 3agebni|ma 3ajabni|mesh 3agebny|مقطوع|مقطوعة|ممزق|ممزقة|mestaneya|mestanni|mestaniya|ma7adsh rad|mahadesh rad|ma7adesh|ma 7ad rad|shokran 3ala|شكرا على لا شيء|شكرا على ولا شي|شكرا ع|بدون حل|ما انحلت|ما اتحلت|-لسه|-لسا|-زايدة|-زايد|زيادة في الفاتورة|-ساعة|-ساعتين|-ساعات',
    purchase:
      'بكم|بكام|كم سعره|كم سعرها|السعر|سعر|الاسعار|الثمن|قديش|اديش|ابغاه|ابيه|ابغاها|ابيها|بدي ياه|بدي اياه|اشتري|شراء|اطلب|-متوفر|-متوفرة|-متاح|-متاحة|-موجود|-موجودة|-توصيل|-توصلون|-بتوصلوا|-شحن|-تشحنون|-مقاس|-مقاسات|-المقاس|-خصم|-تقسيط|-الدفع|-ع الخاص|-على الخاص|وين الاقيه|فين الاقيه|عايزه|عايزاه|عايزها|عاوزه|عاوزها|بدي وحدة|بدي واحد|ابغى|ابي|اطلبه|اطلبها|bikam|bkam|be kam|se3r|sa3r|addesh|2adesh|ade2sh|baddi|bade|3ayez|3ayz|3ayza|abgha|ashtri|ashtery|eshtri|atlob|motawfer|mawjood|mawgood|tawseel|shahn|5asm|khasm|3ard|khas|5as|b kam|bekam|3ayzah|3ayzo|3ayzha|3ayzeen|3awez|3awza|abi wa7ed|كم الحق',
    spam:
      'تابعوني|تابعني|فولو|-متابعين|زوروا|حسابي|صفحتي|قناتي|اشتركوا|اشترك في|الرابط في البايو|الرابط بالبايو|ادخل الرابط|اضغط|اربح|الربح|أرباح|تداول|استثمار|بيتكوين|عملات رقمية|دخل اضافي|العمل من المنزل|-للتواصل|قرض|قروض|tab3oni|follow|زيادة متابعين|ربح المال|-فرصة|تواصل معي|راسلني|على الواتس|-واتساب|-تلجرام|-تيليجرام|اكسب|واكسب|*اكسب|يوميا|باليوم|في اليوم|كلمني واتس|بيع حسابات|حسابات نتفليكس|اسعار رمزية|بأسعار رمزية|usdt|سجل من الرابط|سجل الان|سحب على|جلب الحبيب|رقية|سحر|فك السحر|روحاني|تواصل خاص',
    praise:
      'حلو|حلوة|جميل|جميلة|روعة|رائع|رائعة|تحفة|خرافي|خرافية|ممتاز|ممتازة|مبدع|مبدعين|مبدعة|ابداع|يجنن|تجنن|بجنن|بتجنن|احسنتم|شكرا|مشكورين|مشكور|يعطيكم العافية|يعطيك العافية|تسلم|تسلموا|تسلمو|ماشاء الله|ما شاء الله|ماشالله|تبارك الله|الله يبارك|مبروك|فخور|فخورين|احب|بحب|احبكم|نحبكم|حبيت|عجبني|عجبتني|يهبل|فنان|قمة|القمة|أفضل|الافضل|لذيذ|لذيذة|نار|واو|اسطوري|بطل|ابطال|جامد|جامدة|الله عليك|الله عليكم|يا سلام|عظيم|عظمة|اجمل|احلى|فوق الوصف|انصح|يستاهل|تستاهل|كفو|كفوو|وحش الكون|خطير|مذهل|مذهلة|راقي|راقية|فخامة|فخم|بالتوفيق|ربنا يوفقكم|الله يوفقكم|يسلمو|عسل|قلبي|حبيبي|ممتع|helw|7elw|7ilw|7elwa|7elo|jameel|gamil|gameel|rawe3|ra2e3|ro3a|raw3a|tohfa|to7fa|momtaz|mumtaz|shukran|shokran|mashallah|mashalla|ma sha allah|mashaallah|mabrook|mabrouk|mabruk|ba7ebak|b7bk|ba7ebko|ahebak|bahebak|7abibi|7abibti|tislam|teslam|teslamo|tslm|ya3tikom el 3afye|ya3tik el 3afye|bijanen|bi jannen|yjanen|yehbel|nar|afdal|a7la|ahla|gamed|gamda|5orafi|khorafi|wa7sh|fanan|abda3t|kafo|اطيب|محترم|محترمين|محترمة|ساعدني|وساعدني|ذوق|الله يعطيك|helwa',
    neg: 'لا|ما|مش|مو|مب|ليس|لم|لن|مافي|مفيش|بدون|ولا|غير|msh|mish|mesh|mosh|mo|ma|la|mafi|mafish|mush',
    again: 'مرة ثانية|مرة تانية|كالعادة|زي العادة|مثل العادة|كل مرة|تاني|مجددا|من جديد|مرة ثالثة|tani|kal3ada|zay el 3ada|kol mara',
    mask: 'لا مشكلة|مافي مشكلة|مفيش مشكلة|ما في مشكلة|مش مشكلة|مو مشكلة|ولا يهمك|العفو|لا بأس|مش وحش|مو سيء|مش بطال|عفوا|mafi moshkela|mafish moshkela|msh moshkela|mish moshkela|la ba2s',
    why: 'ليش|ليه|لماذا|leh|leih|laish|lesh',
    bait: 'مين زيي|مين زي|مين هنا|مين معي|مين يتابع',
  },
  sw: {
    stop: 'na ya wa la kwa ni za katika hii huu hiyo sana mimi wewe yeye sisi nyinyi nini je kama lakini pia hapa hakuna kuna tu bado hata ndio hapana habari gani vipi mbona lini wapi yangu yako wetu wenu kwenye hizi hao salamu kutoka tena aki sasa leo kesho jana wote yote guys rafiki wangu yetu ndiyo hivi huyo ama',
    qw: 'je|vipi|namna gani|jinsi gani|jinsi ya|kwa nini|kwanini|mbona|lini|wapi|nani|gani|ngapi|kiasi gani|bei gani|naweza|inawezekana|mnauza|mna|kuna|hivi|nawezaje|ninawezaje|tunawezaje|naombeni|habari',
    qe: 'gani|wapi|lini|nini|ngapi|vipi|je|kweli|au sio|au siyo|sio|nani|kwanini|au la|ama',
    question: 'kuuliza|swali|nauliza|nisaidie|msaada|mnisaidie|mtu anajua|nataka kujua|naomba kujua|ninaomba kujua|maelezo|ufafanuzi|mnaweza kunisaidia|nifanyeje|nifanye nini|nawezaje|inakuwaje|wapi|lini|gani|vipi|kweli|ama ni|au ni',
    complaint:
      'haifanyi|haijafika|sijapokea|sijapata|sijaipata|nasubiri|ninasubiri|tunasubiri|nimesubiri|siku nyingi|wiki mbili|wiki sasa|rudisha pesa|rudisheni pesa|pesa yangu|marejesho|utapeli|matapeli|tapeli|wezi|wizi|mbaya|vibaya|mbovu|ovyo|hovyo|upuuzi|takataka|aibu|nimekasirika|hasira|nimechoka|tumechoka|kero|usumbufu|nimekata tamaa|hamjibu|hakuna jibu|hakuna majibu|hamjajibu|imevunjika|imeharibika|imeharibiwa|hitilafu|tatizo|matatizo|shida|inachelewa|kuchelewa|mmechelewa|imechelewa|mmenitoza|makato|malalamiko|nalalamika|sitanunua tena|sitarudi|mnaboa|inaboa|ghali sana|sipendi|sijapenda|sijafurahi|haipendezi|sio nzuri|si nzuri|siyo nzuri|hamna maana|hamfai|hawafai|uongo|waongo|mnadanganya|udanganyifu|imekatika|haipatikani|imefeli|feki|fake|bandia|kwanini bado|mbona bado|mpaka leo|hadi leo|hadi sasa|mpaka sasa|nimepoteza|mmeniibia|mmenikata|nimeibiwa|nimetapeliwa|sijaridhika|hairidhishi|kukera|inakera|mnakera|inasikitisha|masikitiko|nimesikitika|sikufurahishwa|kupoteza muda|kosa|makosa|hamjali|hamna huduma|polepole|pole pole|mnachelewesha|ucheleweshaji|hajafika|kumbe|bila jibu|bila majibu|siku tano|siku tatu|siku mbili|siku nne|wiki nzima|imecancel|imekatwa|mmekata pesa|hawajibu|hawapokei|hampokei simu|simu haipokelewi|sasa bila',
    purchase:
      'bei|shilingi ngapi|sh ngapi|ni ngapi|kiasi gani|nataka moja|nataka hii|nataka hizi|naitaka|nazitaka|nahitaji|ninahitaji|tunahitaji|nunua|kununua|nanunua|naagiza|kuagiza|-oda|-order|mnapatikana wapi|-mnapatikana|napataje|nitapataje|ninapataje|nitaipataje|-inapatikana|-zinapatikana|-mnauza|mnasafirisha|mnaleta|-delivery|usafirishaji|mnatuma|-size|-saizi|-punguzo|-ofa|-inbox|-dm|nipigie|-mpesa|-m-pesa|-lipa|-lipia|ninunue|nikinunua|-duka|-dukani|mnafanya delivery|nipate|nitapata wapi|napata wapi|nitanunua|nitaagiza|nitachukua|nilipe|nilipie|till number|paybill|lipa namba|nataka kuchukua|naomba moja|niletee|niwekee',
    spam:
      'nifuate|nifollow|fuatilia ukurasa|tembelea ukurasa|ukurasa wangu|channel yangu|subscribe|link kwenye bio|bonyeza link|-bonyeza|pata pesa|pesa haraka|jipatie|-kipato|-mapato|uwekezaji|wekeza|bitcoin|crypto|followers bure|pesa bure|-followers|-whatsapp|-telegram|kazi ya nyumbani|-mkopo|-mikopo|bahati nasibu|betting|sportpesa|mganga|dawa ya|kurudisha mpenzi|nguvu za kiume|utajiri|freemason|-jiunge|-piga simu|cheki page|page yangu|kazi ya online|inalipa|kwa siku|kila siku kipato|tuma|upate|nitafollow|follow back|follow wote|nitakufollow',
    praise:
      'nzuri|mzuri|wazuri|vizuri|safi|poa|bomba|noma|kali|hatari|moto|asante|asanteni|ahsante|ahsanteni|shukrani|hongera|hongereni|nawapenda|nakupenda|napenda|naipenda|nimependa|nimeipenda|tumependa|bora|murua|maridadi|tamu|kitamu|mungu akubariki|mungu awabariki|barikiwa|mbarikiwe|big up|fire|love|best|good|perfect|amazing|nice|mko juu|juu sana|mnajua|mnaweza|mmetisha|imetisha|inapendeza|inavutia|vinavutia|furaha|nimefurahi|nimefurahia|tumefurahi|shwari|kiboko|mwamba|wamba|fresh|uhakika|heko|pongezi|nimeridhika|kuridhika|balaa|mnaupiga mwingi|mnatisha|nawakubali|nawaaminia|nawaamini|rahisi|inaeleweka|haraka|fasta',
    neg: 'si|sio|siyo|hapana|hakuna|bila|hamna|wala',
    again: 'tena|kama kawaida|kila siku|kila mara|mara ya pili|mara nyingine',
    mask: 'hakuna shida|hakuna tatizo|hakuna matata|hamna shida|sio mbaya|si mbaya|siyo mbaya|karibu sana|hakuna noma',
    why: 'kwa nini|kwanini|mbona',
    bait: 'nani yupo|nani anaangalia|nani mwingine',
  },
  id: {
    stop: 'yang dan di ke dari ini itu ada tidak gak ga nggak ngga enggak aku saya kamu kita kami dengan untuk juga sudah udah sdh belum blm bisa mau apa kok sih dong deh aja nya yg dgn utk banget bgt kak min gan sis nih tuh lagi jadi karena lah kalian udh dr tp pake cuma ya wkwk wkwkwk pertamax nonton sambil buat tiap mulu',
    qw: 'bagaimana|gimana|gmn|gmna|bgmn|kenapa|knp|mengapa|kapan|kpn|dimana|di mana|dmn|mana|kemana|apa|apakah|apa ya|siapa|berapa|brp|bisa|bisakah|boleh|bolehkah|ada|adakah|udah|sudah|kok|min|kak|gan|sis|kalau|kalo|klo|mau tanya',
    qe: 'gak|ga|nggak|ngga|enggak|tidak|gk|belum|blm|kah|ya gak|ya ga|ga sih|gak sih|apa|gimana|berapa|kapan|dimana|mana|atau tidak|atau gak|atau ga|apa gak',
    question: 'tanya|nanya|ada yang tau|ada yg tau|ada yang tahu|info dong|infonya|mohon info|minta info|bagaimana cara|caranya|mohon bantuan|bantu|tolong|penjelasan|bisa pake|bisa pakai|bisa bayar|bisa dipake|bisa dipakai|beneran|emang|emangnya|atau ada|apa ada|apakah ada|kapan|dimana|gimana|berapa lama|atau cuma',
    complaint:
      'tidak berfungsi|gak bisa|ga bisa|nggak bisa|tidak bisa|gabisa|gbs|error|eror|rusak|belum sampai|blm sampe|belum sampe|belum datang|belum nyampe|belum diterima|belum terima|gak nyampe|ga nyampe|gak sampe|ga sampe|-nunggu|-menunggu|udah nunggu|nungguin|lama banget|lama bgt|kelamaan|lambat|lemot|telat|terlambat|refund|balikin uang|uang kembali|kembalikan uang|penipu|penipuan|nipu|tipu|scam|kecewa|mengecewakan|jelek|buruk|-parah|payah|ancur|hancur|zonk|nyesel|menyesal|kapok|gak jelas|ga jelas|tidak jelas|gak dibales|ga dibales|gak dibalas|ga dibalas|tidak dibalas|tidak ada balasan|gak ada balasan|slow respon|slow respond|slow response|gak respon|ga respon|tidak respon|cacat|pecah|tidak sesuai|gak sesuai|ga sesuai|gk sesuai|komplain|keluhan|dibatalkan|dibatalin|potong saldo|saldo terpotong|kepotong|mahal banget|kemahalan|sampah|bangsat|kesal|kesel|bete|sebel|-capek|gimana sih|gmn sih|kok belum|kok gak|kok ga|kok lama|kok blm|gak becus|ga becus|tidak profesional|ribet|ngecewain|hilang|ilang|dikemanain|bohong|pembohong|php|gak amanah|ga amanah|gk bisa|tdk bisa|blm dikirim|belum dikirim|belum juga|masih belum|sampai sekarang|sampe sekarang|sampai kapan|sampe kapan|kurang ajar|kurang bagus|kurang puas|tidak puas|gak puas|ga puas|gk puas|basi|busuk|-males|-malas|nyebelin|ngeselin|parah banget|tolong dong|perbaiki|-kurang|force close|dibenerin|diperbaiki|ga bales|gak bales|gk bales|bales2|gagal|yg dateng|yang dateng|yg datang|salah|mana min|nunggu lama|udah lama',
    purchase:
      'berapa harga|harganya berapa|berapaan|brp kak|berapa kak|berapa min|berapa ya|-harga|-harganya|hrg|pricelist|price list|-beli|mau beli|pengen beli|pgn beli|mo beli|beli dimana|beli di mana|-order|mau order|-pesan|mau pesan|pesen|checkout|co dong|udah co|mau co|-ready|ready stok|-stok|-stock|-masih ada|ada stok|-tersedia|-kirim ke|-ongkir|-cod|-size|-ukuran|-warna|-diskon|-promo|-voucher|-cicilan|-bayar|-transfer|-dm|-inbox|-keranjang|linknya|link dong|-shopee|-tokopedia|-lazada|minat|berminat|mau dong|mau satu|mau 1|ambil|-pengen|-pengin|-kepengen|ingin beli|-jual|-dijual|-jualan|reseller|grosir|mau juga|bisa kirim|kirim ke luar|langsung co|gajian|aku mau|order 1|order 2|pesan 1|pesan 2|masukin keranjang|udah masuk keranjang',
    spam:
      'follback|folback|follow balik|follow back|cek ig|cek profil|kunjungi|mampir ke|link di bio|klik link|cuan|penghasilan|kerja dari rumah|bisnis online|investasi|trading|crypto|bitcoin|gratis followers|-giveaway|-followers|-slot|gacor|judi|togel|maxwin|pinjol|pinjaman|dana cepat|hubungi wa|wa.me|jackpot|-deposit|-bonus|-situs|daftar sekarang|modal kecil|-untung|-profit|pulsa gratis|saldo gratis|admin ganteng|follow ig|follow aku|follow akun|join jadi|ambassador|dapetin|/hari|per hari|sehari|modal hp|chat aku|akunnya cakep|kerja sampingan|endorse|paid promote',
    praise:
      'bagus|bgs|keren|mantap|mantab|mantul|mantep|mantapp|cantik|cakep|ganteng|indah|suka|seneng|senang|puas|terima kasih|terimakasih|makasih|makasi|trims|thanks|thx|enak|lezat|top|recommended|rekomended|rekomen|juara|terbaik|luar biasa|hebat|kece|gokil|sip|love|cinta|gemes|gemas|worth it|amanah|pengiriman cepat|original|rapi|rapih|sukses|semangat|idaman|favorit|memuaskan|good|nice|perfect|best|wow|wah|joss|jos|bintang 5|5 bintang|langganan|repeat order|bakal order lagi|nagih|berkualitas|terharu|bangga|cepet|cepat banget|fast|bintang lima|lucu bgt',
    neg: 'tidak|tak|gak|ga|nggak|ngga|enggak|gk|g|bukan|belum|blm|kagak|ndak|nda|jangan|kurang|tdk',
    again: 'lagi|selalu|kayak biasa|seperti biasa|terus|mulu|melulu',
    mask: 'gak apa apa|ga apa apa|gpp|tidak apa apa|ga masalah|gak masalah|tidak masalah|nggak masalah|gak kecewa|ga kecewa|tidak kecewa|nggak kecewa|tidak mengecewakan|gak mengecewakan|ga mengecewakan|nggak mengecewakan|gak nyesel|ga nyesel|nggak nyesel|tidak menyesal|gak rugi|ga rugi|nggak rugi|tidak rugi|sama sama|sama-sama|enak parah|bagus parah|keren parah|mantap parah|lucu parah|cakep parah|gila parah|enak banget parah',
    why: 'kenapa|knp|mengapa|kok|napa',
    bait: 'siapa yg nonton|siapa yang nonton|yang nonton|siapa yg|siapa yang',
  },
  tr: {
    stop: 've bir bu da de ile için ben sen biz siz ne mi mı çok ama gibi daha var yok değil şu olan olarak kadar hala artık neden nasıl sizin bizim benim ya mu mü herkese iyi gel buraya ahaha hadi bugün şimdi sadece hemen bence tam ki',
    qw: 'nasıl|neden|niye|niçin|ne zaman|nerede|nerde|nereden|nerden|hangi|kim|kaç|ne kadar|acaba|ne oldu|ne oluyor|ne yapmam|nedir|ne yapmalıyım|niye hala|neden hala|bu ne|ne zamana|kime',
    qe: 'mi|mu|misin|misiniz|musunuz|miyim|miyiz|midir|mudur|miydi|muydu|nedir|nerede|nasıl|neden|musun|ya da|mı değil mi|değil mi',
    question: 'sorum var|soru|bilgi alabilir|bilgi verir misiniz|yardımcı olur musunuz|yardımcı olabilir misiniz|merak ediyorum|acaba|ne yapmalıyım|kimse biliyor mu|nerden|nereden|nerede|nasıl|ne zaman|hangi|kaç|var mı|mağazanız var',
    complaint:
      'çalışmıyor|çalışmıyo|açılmıyor|gelmedi|ulaşmadı|teslim edilmedi|siparişim hala|bekliyorum|bekliyoruz|günlerdir|haftadır|haftalardır|-iade|para iadesi|paramı|dolandırıcı|dolandırıcılar|dolandırıcılık|sahtekar|rezalet|rezil|berbat|kötü|saçma|saçmalık|olmaz böyle|yazıklar olsun|ayıp|utanç|hayal kırıklığı|memnun değilim|memnun kalmadım|cevap vermiyorsunuz|cevap vermiyor|cevap yok|dönüş yok|dönüş yapmıyorsunuz|dönüş yapılmadı|muhatap yok|muhatap bulamıyorum|kırık|bozuk|bozuldu|hasarlı|hatalı|-hata|-sorun|sorunlu|-problem|gecikme|gecikti|geç kaldı|geç geldi|iptal|şikayet|şikayetçiyim|sinir|bıktım|bıktık|yeter|rezillik|felaket|çöp|bir daha asla|-asla|pişman|pişmanım|beğenmedim|pahalı|kazık|soygun|-maalesef|zarar|mağdur|oyalıyorsunuz|güzel değil|iyi değil|hoş değil|olmamış|olmadı|eksik|yanlış|kalitesiz|vasat|rezaletsiniz|berbatsınız|hırsız|hırsızlar|yalan|yalancı|kandırıldım|kandırmaca|bekletiyorsunuz|ilgilenmiyor|ilgilenen yok|ulaşamıyorum|ulaşılamıyor|donuyor|kasıyor|atıyor|gitmiyor|yüklenmiyor|giriş yapamıyorum|olmuyor|tavsiye etmem|tavsiye etmiyorum|almayın|uzak durun|ne biçim|bu nasıl hizmet|nasıl bir hizmet|kesildi|kesik|kesiliyor|sağ olun|sağolun|teşekkürler ya|dönüş yapmıyor|dönüş yapmadı|kimse dönüş|kimse cevap|mesajlarıma|bekletildim',
    purchase:
      'fiyat|fiyatı|ne kadar acaba|bu ne kadar|ne kadara|kaç para|kaça|kaç tl|kaç lira|-ücret|-ücreti|satın al|satın almak|almak istiyorum|alabilir miyim|nereden alabilirim|nereden alınır|nerden alınır|nereden bulabilirim|nerden bulabilirim|sipariş vermek|-sipariş|nasıl sipariş|-stok|-stokta|stoklara|-mevcut mu|-beden|-bedeni|-indirim|-kupon|-taksit|-dm|-özelden|özel mesaj|-ödeme|alıcam|alacağım|alcam|-istiyorum|-isterim|satıyor musunuz|-satışı|-satış|alınır mı|-kargo|linki atar mısınız|link atar mısınız|sipariş vereceğim|hemen alıyorum|sepete ekledim|sepete attım|bir tane alayım|ayırır mısınız|ayırın bana',
    spam:
      'takip et|takip edin|beni takip|takipçi|profilime|sayfama|kanalıma|abone ol|abone olun|linke tıkla|biodaki|biyodaki|para kazan|para kazanmak|-kazanç|-yatırım|kripto|bitcoin|çekiliş|bahis|casino|-bonus|-whatsapp|-telegram|evden çalış|ek gelir|deneme bonusu|-kredi|dm at|yaz bana|bana yaz|beğeni|sadece 50|hemen yaz|iş teklif|iş teklifim|dm atar mısın|bana dm|işbirliği|reklam',
    praise:
      'harika|harikasınız|mükemmel|süper|güzel|bayıldım|aşık oldum|sevdim|seviyorum|sevdik|teşekkürler|teşekkür|sağol|sağolun|eyvallah|tebrikler|tebrik|bravo|efsane|muhteşem|harikulade|şahane|enfes|nefis|lezzetli|tavsiye ederim|başarılı|başarılar|en iyi|çok iyi|kaliteli|beğendim|hayranım|helal|mükemmelsiniz|emeğinize sağlık|eline sağlık|ellerinize sağlık|tatlı|bomba|kral|kraliçe|yakışıklı|muazzam|iyi ki varsınız|memnunum|memnun|aşk|aşkım|on numara|10 numara|süpersiniz|muhteşemsiniz|çok iyisiniz|harikaydı|mükemmeldi|sevindim|mutlu|şık|iyiki|love|nice|wow|perfect|bağımlılık yaptı|bağımlısı oldum|bağımlı oldum|bayılıyorum|çıkarmak istemiyorum|vazgeçilmez|hızlı|tertemiz',
    neg: 'değil|yok|asla|hiç|olmadan|hiçbir',
    again: 'yine|gene|her zamanki gibi|tekrar|bir daha|her seferinde',
    mask: 'sorun yok|sorun değil|problem yok|problem değil|sorun olmaz|kötü değil|fena değil|rica ederim|yok artık|asla pişman olmazsınız|pişman olmazsınız|pişman olmadım|hiç pişman değilim|şikayetim yok|şikayet yok|sağ olun efendim',
    why: 'neden|niye|niçin|nasıl oluyor da',
    bait: 'izleyen var|izleyenler|kimler burada|izleyen',
  },
} satisfies Record<string, LangLexicon>;

export type LexLang = keyof typeof LEXICON;
