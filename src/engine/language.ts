// Whether a message is written in a language other than English. The knowledge is in English,
// and framework names read the same in every language, so a question in Spanish or Chinese
// would otherwise be matched on its names alone and answered confidently as some other
// question. Recognising the language lets the bot say honestly that it answers in English.

/** Letters of scripts that are not Latin: CJK, kana, Hangul, Cyrillic, Greek, Arabic, Hebrew, Devanagari, Thai. */
const NON_LATIN =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Cyrillic}\p{Script=Greek}\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Devanagari}\p{Script=Thai}]/gu;
const LETTER = /\p{L}/gu;

/**
 * Common short words of Latin-script languages people write questions in, that English does
 * not use. A few shared spellings ("a", "de" in names) are left out on purpose.
 */
const FOREIGN_WORDS = new Set(
  `el la los las del que es para con por una uno cómo como qué cuál cual mejor puedo hay pero también porque donde dónde cuando cuándo
  usar utilizar aprender entre diferencia sobre este esta esto ese eso mi mis tu tus su sus muy más mas
  der das und ist nicht ein eine einen mit für fur von zu auf wie was welche welcher welches oder kann ich wir ihr sie auch aber
  lernen besser zwischen unterschied gibt es sollte soll habe hat bei nach noch nur schon
  le les des est pour avec dans sur quel quelle quels quelles comment pourquoi je nous vous mon ma mes entre meilleur peut puis
  apprendre faut cest qu une un et ou
  o os um uma não nao isso essa esse qual quais melhor posso aprender diferença diferenca então entao você voce também tambem
  il lo gli della delle che è perché perche quale migliore posso imparare differenza tra sono anche ma
  het een en van de is niet ik je hoe wat welke beter kan leren verschil tussen`
    .split(/\s+/)
    .filter(Boolean),
);
const ENGLISH_WORDS = new Set(
  `the a an is are was were be to of in on for with and or but what which how why when who can could should would do does did i my
  we you your it this that there better best use using learn difference between vs than from about any`
    .split(/\s+/)
    .filter(Boolean),
);

/** True when the message is mostly not English. */
export function isNotEnglish(text: string): boolean {
  const letters = text.match(LETTER)?.length ?? 0;
  if (letters === 0) return false;
  const nonLatin = text.match(NON_LATIN)?.length ?? 0;
  if (nonLatin / letters > 0.3) return true;
  const words = text.toLowerCase().match(/[\p{L}]+/gu) ?? [];
  let foreign = 0;
  let english = 0;
  for (const word of words) {
    if (ENGLISH_WORDS.has(word)) english++;
    else if (FOREIGN_WORDS.has(word)) foreign++;
  }
  return foreign >= 2 && foreign > english * 1.5;
}
