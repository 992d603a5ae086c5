/**
 * Domain terms a reader of the guidance would search for. Every term occurs in
 * content/guidance/*.mdx; the list was made from the guidance text, not from what the
 * search happens to find. Grouped by kind so a miss pattern (e.g. only mid-sentence
 * two-character words) shows up at a glance.
 */

/** Two-character words, many of them in the middle of a sentence. */
// prettier-ignore
export const twoCharacter = [
	'竞赛', '维权', '书屋', '调解', '帮扶', '提案', '台账', '换届', '心理', '健身',
	'文体', '复查', '品牌', '慰问', '探望', '隐私', '技能', '培训', '读书', '问卷',
	'妇联', '班组', '车间', '选举', '福利', '体检', '生育', '哺乳', '加班', '要约',
	'互助', '医疗', '退休', '考核', '验收', '档案', '公示', '回告', '走访', '住院',
	'生日', '单亲', '残疾', '患病', '信任', '口碑', '休假', '阵地', '才艺', '志愿',
	'整改', '承诺', '季度',
];

/** Three- and four-character terms of the trade: the names people use for the work. */
// prettier-ignore
export const terms = [
	'五必访', '职代会', '厂务公开', '送温暖', '劳动保护', '合理化建议', '技术比武', '会务公开',
	'建小家', '工会小组', '集体合同', '劳动合同', '安全生产', '职工书屋', '互助保障', '困难职工',
	'入会率', '满意度', '积极分子', '农民工', '劳务派遣', '动态管理', '公开承诺', '学习型',
	'争优创先', '法律援助', '民主管理', '平等协商', '分工会', '上级工会', '会员代表', '职工代表',
	'劳动竞赛', '技术创新', '工会主席', '工会经费', '家庭矛盾', '宣传栏', '劳动定额',
];

/** Long compounds, which a word segmenter may cut differently at index and at query time. */
// prettier-ignore
export const compounds = ['工资集体协商', '劳动争议调解委员会', '困难职工档案', '会员评议职工之家', '女职工委员会', '经费审查委员会'];

export const recallTerms: string[] = [...twoCharacter, ...terms, ...compounds];
