import type { Locale } from '../model/finding';

/** Every message the engine writes, in English and Simplified Chinese. */
type Params = Record<string, string | number>;
type Catalog = Record<MessageKey, (p: Params) => string>;

export type MessageKey =
  | 'noFrontmatter' | 'unterminated' | 'yamlError' | 'binary' | 'tooLarge' | 'aliasBomb' | 'tooDeep'
  | 'notMapping' | 'missingKey' | 'empty' | 'quoteIt' | 'wrongType' | 'notOneOf' | 'attitudeValues'
  | 'badDate' | 'badId' | 'badCurrency' | 'tooSmall' | 'tooBig' | 'notWhole' | 'textOrList' | 'invalid'
  | 'unknownKey' | 'unknownKeyHint'
  | 'duplicateId' | 'noSuchStakeholder' | 'noSuchOpportunity' | 'cycle'
  | 'missingRole' | 'noDecisionLayer' | 'negativeBuyer' | 'weakCoach'
  | 'staleAccount' | 'neverVisited' | 'economicNotVisited' | 'tooManyDecisionVisits' | 'noExecutive'
  | 'closeInPast' | 'noSupportingEconomic' | 'singleThreaded'
  | 'attitudeDiffers' | 'giftForbidden'
  | 'never' | 'typeText' | 'typeNumber' | 'typeWhole' | 'typeBoolean' | 'typeList' | 'typeMapping' | 'typeNull';

const en: Catalog = {
  noFrontmatter: () => 'No frontmatter: a plan starts with a line "---", its YAML, and a closing line "---".',
  unterminated: () => 'The frontmatter is not closed: add a line "---" after the YAML.',
  yamlError: (p) => `YAML syntax error: ${p.detail}`,
  binary: () => 'The file holds binary content (a NUL byte), not a UTF-8 text plan.',
  tooLarge: (p) => `The file is ${p.size} MB; plans over ${p.limit} MB are not checked.`,
  aliasBomb: () => 'Too many YAML aliases: the frontmatter expands beyond a safe size (an alias bomb?).',
  tooDeep: () => 'The YAML is nested too deeply to check.',
  notMapping: (p) => `The frontmatter must be a mapping of keys (account: …), not ${p.actual}.`,
  missingKey: (p) => `${p.where}missing required key "${p.key}".`,
  empty: (p) => `${p.where}the value is empty; give a value or remove the key.`,
  quoteIt: (p) => `${p.where}expected text, got the ${p.actual} ${p.source}: quote it ("${p.source}") to keep it as written.`,
  wrongType: (p) => `${p.where}expected ${p.expected}, got ${p.actual}.`,
  notOneOf: (p) => `${p.where}"${p.value}" is not one of ${p.values}.`,
  attitudeValues: () => 'A, B, C, D or E, optionally with + or - (e.g. B+)',
  badDate: (p) => `${p.where}"${p.value}" is not a date in the form YYYY-MM-DD.`,
  badId: (p) => `${p.where}"${p.value}" is not an id: ids have no white space.`,
  badCurrency: (p) => `${p.where}"${p.value}" is not a currency code (three capital letters, e.g. CNY).`,
  tooSmall: (p) => `${p.where}${p.value} is below the minimum ${p.limit}.`,
  tooBig: (p) => `${p.where}${p.value} is above the maximum ${p.limit}.`,
  notWhole: (p) => `${p.where}${p.value} is not a whole number.`,
  textOrList: (p) => `${p.where}expected text or a list of text.`,
  invalid: (p) => `${p.where}invalid value.`,
  unknownKey: (p) => `Unknown key "${p.key}" in ${p.object}.`,
  unknownKeyHint: (p) => `Unknown key "${p.key}" in ${p.object}; did you mean "${p.suggestion}"?`,
  duplicateId: (p) => `Duplicate ${p.kind} id "${p.id}": it is already used on line ${p.line}.`,
  noSuchStakeholder: (p) => `No stakeholder has the id "${p.id}".`,
  noSuchOpportunity: (p) => `No opportunity has the id "${p.id}".`,
  cycle: (p) => `reports_to forms a cycle: ${p.path}.`,
  missingRole: (p) => `No stakeholder holds the ${p.role} role (${p.zh}) while the account has an open opportunity.`,
  noDecisionLayer: () => 'No stakeholder is in the decision layer (拍板层) while the account has an open opportunity.',
  negativeBuyer: (p) => `${p.name}, the ${p.role} buyer, ${p.verb} (attitude ${p.attitude}).`,
  weakCoach: (p) => `${p.name} is a coach whose attitude is ${p.attitude}: a coach who does not support us (at least B-) is no coach.`,
  staleAccount: (p) => `Stale account: the last visit (${p.date}) was ${p.days} days ago; tier ${p.tier} allows ${p.limit}.`,
  neverVisited: () => 'Stale account: it has an open opportunity and no visit logged yet.',
  economicNotVisited: (p) => `Economic buyer ${p.name} has had no visit in the last ${p.days} days (last contact: ${p.last}).`,
  tooManyDecisionVisits: (p) => `${p.count} visits with the decision layer in the last 365 days; it is seen at most ${p.limit} times a year.`,
  noExecutive: () => 'The decision layer was visited in the last 365 days, but never with one of our executives.',
  closeInPast: (p) => `Close date ${p.date} has passed (${p.days} days ago) while the opportunity is still at stage ${p.stage}.`,
  noSupportingEconomic: (p) => `Stage ${p.stage} without an economic buyer known to support us (B- or better).`,
  singleThreaded: (p) => `Single-threaded: only ${p.count} stakeholder(s) met in the last ${p.days} days; meet at least ${p.min} at stage ${p.stage}.`,
  attitudeDiffers: (p) => `attitude ${p.attitude} differs from ${p.recorded}, the one last seen (visit on ${p.date}).`,
  giftForbidden: () => 'A gift is recorded, but the account\'s policy forbids gifts.',
  never: () => 'never',
  typeText: () => 'text', typeNumber: () => 'a number', typeWhole: () => 'a whole number',
  typeBoolean: () => 'true or false', typeList: () => 'a list', typeMapping: () => 'a mapping', typeNull: () => 'an empty value',
};

const zh: Catalog = {
  noFrontmatter: () => '缺少 frontmatter:计划以一行 "---" 开头,接着是 YAML,再以一行 "---" 结束。',
  unterminated: () => 'frontmatter 未结束:请在 YAML 之后加一行 "---"。',
  yamlError: (p) => `YAML 语法错误:${p.detail}`,
  binary: () => '文件含有二进制内容(NUL 字节),不是 UTF-8 文本计划。',
  tooLarge: (p) => `文件大小为 ${p.size} MB;超过 ${p.limit} MB 的计划不做检查。`,
  aliasBomb: () => 'YAML 别名过多:frontmatter 展开后超出安全大小(别名炸弹?)。',
  tooDeep: () => 'YAML 嵌套过深,无法检查。',
  notMapping: (p) => `frontmatter 必须是键值映射(account: …),而不是${p.actual}。`,
  missingKey: (p) => `${p.where}缺少必填键 "${p.key}"。`,
  empty: (p) => `${p.where}值为空;请填写或删除该键。`,
  quoteIt: (p) => `${p.where}应为文本,实为${p.actual} ${p.source}:请加引号("${p.source}")以保持原样。`,
  wrongType: (p) => `${p.where}应为${p.expected},实为${p.actual}。`,
  notOneOf: (p) => `${p.where}"${p.value}" 不是以下之一:${p.values}。`,
  attitudeValues: () => 'A、B、C、D 或 E,可带 + 或 -(如 B+)',
  badDate: (p) => `${p.where}"${p.value}" 不是 YYYY-MM-DD 格式的日期。`,
  badId: (p) => `${p.where}"${p.value}" 不是有效的 id:id 不能含空白。`,
  badCurrency: (p) => `${p.where}"${p.value}" 不是货币代码(三个大写字母,如 CNY)。`,
  tooSmall: (p) => `${p.where}${p.value} 小于最小值 ${p.limit}。`,
  tooBig: (p) => `${p.where}${p.value} 大于最大值 ${p.limit}。`,
  notWhole: (p) => `${p.where}${p.value} 不是整数。`,
  textOrList: (p) => `${p.where}应为文本或文本列表。`,
  invalid: (p) => `${p.where}值无效。`,
  unknownKey: (p) => `${p.object} 中有未知键 "${p.key}"。`,
  unknownKeyHint: (p) => `${p.object} 中有未知键 "${p.key}";是否想写 "${p.suggestion}"?`,
  duplicateId: (p) => `${p.kind} id "${p.id}" 重复:第 ${p.line} 行已使用。`,
  noSuchStakeholder: (p) => `没有 id 为 "${p.id}" 的联系人。`,
  noSuchOpportunity: (p) => `没有 id 为 "${p.id}" 的商机。`,
  cycle: (p) => `reports_to 形成环:${p.path}。`,
  missingRole: (p) => `客户有未结商机,但没有联系人担任${p.zh}(${p.role})。`,
  noDecisionLayer: () => '客户有未结商机,但没有联系人位于拍板层(decision)。',
  negativeBuyer: (p) => `${p.name}(${p.roleZh})态度为 ${p.attitude}(${p.verbZh})。`,
  weakCoach: (p) => `${p.name} 是教练买家,但态度为 ${p.attitude}:不支持我们(至少 B-)的教练不是教练。`,
  staleAccount: (p) => `客户久未拜访:上次拜访(${p.date})已过 ${p.days} 天;${p.tier} 级客户最多 ${p.limit} 天。`,
  neverVisited: () => '客户久未拜访:有未结商机,却还没有任何拜访记录。',
  economicNotVisited: (p) => `经济买家 ${p.name} 最近 ${p.days} 天内没有拜访(上次接触:${p.last})。`,
  tooManyDecisionVisits: (p) => `最近 365 天拜访拍板层 ${p.count} 次;拍板层一年最多见 ${p.limit} 次。`,
  noExecutive: () => '最近 365 天拜访过拍板层,但从未有我方高层同行。',
  closeInPast: (p) => `预计成交日期 ${p.date} 已过(${p.days} 天前),商机仍在 ${p.stage} 阶段。`,
  noSupportingEconomic: (p) => `${p.stage} 阶段却没有明确支持我们(B- 或更好)的经济买家。`,
  singleThreaded: (p) => `单线联系:最近 ${p.days} 天只见过 ${p.count} 位联系人;${p.stage} 阶段至少应见 ${p.min} 位。`,
  attitudeDiffers: (p) => `态度 ${p.attitude} 与最近一次拜访(${p.date})记录的 ${p.recorded} 不一致。`,
  giftForbidden: () => '记录了礼品,但客户政策禁止送礼。',
  never: () => '从未',
  typeText: () => '文本', typeNumber: () => '数字', typeWhole: () => '整数',
  typeBoolean: () => 'true 或 false', typeList: () => '列表', typeMapping: () => '映射', typeNull: () => '空值',
};

const catalogs: Record<Locale, Catalog> = { en, 'zh-cn': zh };

export type Translate = (key: MessageKey, params?: Params) => string;
export const translator = (locale: Locale = 'en'): Translate => (key, params = {}) => catalogs[locale][key](params);
