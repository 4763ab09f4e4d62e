// Slack's Block Kit limits and our own safety rules, as a checker that lists every violation in a
// message or view. Used by renderer tests and by adapter tests on everything the app sends.

export const LIMITS = {
  blocksPerMessage: 50,
  blocksPerHomeView: 100,
  textObject: 3000,
  fieldsPerSection: 10,
  fieldText: 2000,
  headerText: 150,
  elementsPerActions: 25,
  elementsPerContext: 10,
  buttonText: 75,
  buttonValue: 2000,
  actionId: 255,
};

type Json = Record<string, unknown>;

/** Valid escaped text: entities only for & < >, and `<` only as the start of an http(s) link we wrote. */
export function escapingProblems(text: string): string[] {
  const problems: string[] = [];
  const withoutLinks = text.replace(/<https?:\/\/[^\s<>|]+\|[^<>]*>/g, '');
  if (/[<>]/.test(withoutLinks)) problems.push(`unescaped < or > (or a broken link) in ${JSON.stringify(text.slice(0, 120))}`);
  if (/&(?!amp;|lt;|gt;)/.test(text)) problems.push(`& that does not start an entity in ${JSON.stringify(text.slice(0, 120))}`);
  if (/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(text)) problems.push('a split surrogate pair');
  return problems;
}

/** Anything that would notify people: <!here>, <!channel>, <!everyone>, <@U...>, <!subteam^...>, or a bare @here. */
export function pingProblems(serialised: string): string[] {
  const problems: string[] = [];
  for (const match of serialised.matchAll(/<[!@#][^>]*>/g)) problems.push(`live mention ${match[0]}`);
  for (const match of serialised.matchAll(/@(here|channel|everyone)\b/gi)) problems.push(`bare broadcast word ${match[0]}`);
  return problems;
}

function checkText(object: unknown, where: string, max: number, problems: string[]): void {
  const text = (object as Json | undefined)?.text;
  if (typeof text !== 'string') {
    problems.push(`${where}: text is missing`);
    return;
  }
  if (text.length === 0) problems.push(`${where}: text is empty`);
  if (text.length > max) problems.push(`${where}: text is ${text.length} characters (max ${max})`);
  for (const problem of escapingProblems(text)) problems.push(`${where}: ${problem}`);
}

/** Every limit and rule broken by a message ({text, blocks}) or a Home view ({type:'home', blocks}). */
export function blockKitProblems(message: { text?: unknown; blocks?: unknown; type?: unknown }): string[] {
  const problems: string[] = [];
  const blocks = (message.blocks ?? []) as Json[];
  const maxBlocks = message.type === 'home' ? LIMITS.blocksPerHomeView : LIMITS.blocksPerMessage;
  if (blocks.length > maxBlocks) problems.push(`${blocks.length} blocks (max ${maxBlocks})`);
  if (message.type !== 'home') {
    if (typeof message.text !== 'string' || message.text.trim() === '') problems.push('no plain-text fallback');
    else for (const problem of escapingProblems(message.text)) problems.push(`fallback text: ${problem}`);
  }
  const actionIds = new Set<string>();
  blocks.forEach((block, index) => {
    const where = `block ${index} (${String(block.type)})`;
    switch (block.type) {
      case 'section': {
        if (block.text !== undefined) checkText(block.text, where, LIMITS.textObject, problems);
        const fields = (block.fields ?? []) as Json[];
        if (block.text === undefined && fields.length === 0) problems.push(`${where}: neither text nor fields`);
        if (fields.length > LIMITS.fieldsPerSection) problems.push(`${where}: ${fields.length} fields (max ${LIMITS.fieldsPerSection})`);
        fields.forEach((field, i) => {
          checkText(field, `${where} field ${i}`, LIMITS.fieldText, problems);
        });
        break;
      }
      case 'header':
        checkText(block.text, where, LIMITS.headerText, problems);
        break;
      case 'context': {
        const elements = (block.elements ?? []) as Json[];
        if (elements.length === 0 || elements.length > LIMITS.elementsPerContext) problems.push(`${where}: ${elements.length} elements`);
        elements.forEach((element, i) => {
          checkText(element, `${where} element ${i}`, LIMITS.textObject, problems);
        });
        break;
      }
      case 'actions': {
        const elements = (block.elements ?? []) as Json[];
        if (elements.length === 0 || elements.length > LIMITS.elementsPerActions) problems.push(`${where}: ${elements.length} elements`);
        elements.forEach((element, i) => {
          const at = `${where} button ${i}`;
          checkText(element.text, at, LIMITS.buttonText, problems);
          const actionId = element.action_id;
          if (typeof actionId !== 'string' || actionId.length === 0 || actionId.length > LIMITS.actionId)
            problems.push(`${at}: bad action_id`);
          else if (actionIds.has(actionId)) problems.push(`${at}: duplicate action_id ${actionId}`);
          else actionIds.add(actionId);
          const value = element.value;
          if (typeof value !== 'string' || value.length === 0 || value.length > LIMITS.buttonValue)
            problems.push(`${at}: value length ${String((value as string | undefined)?.length)}`);
        });
        break;
      }
      case 'divider':
        break;
      default:
        problems.push(`${where}: unexpected block type`);
    }
  });
  return problems;
}
