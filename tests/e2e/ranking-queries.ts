/**
 * Queries a reader types, each with the page they want first. Made from the guidance's
 * topics (a reader asking "how" wants the guide that explains it) and from the scoring
 * words (a reader asking about 否决项 or 加分项 wants the rule). Used by the bench (top-1
 * and top-3 over all of them) and by search.spec.ts (a handful must rank right).
 * Paths are the built site's, without the base.
 */
export interface RankingQuery {
	/** What the reader types. */
	query: string;
	/** The page they want first. */
	want: string;
}

// prettier-ignore
export const rankingQueries: RankingQuery[] = [
	// 维权之家
	{ query: '集体合同', want: '/guide/weiquan/' },
	{ query: '工资集体协商', want: '/guide/weiquan/' },
	{ query: '平等协商', want: '/guide/weiquan/' },
	{ query: '劳动合同', want: '/guide/weiquan/' },
	{ query: '劳动争议调解', want: '/guide/weiquan/' },
	{ query: '劳动保护', want: '/guide/weiquan/' },
	{ query: '女职工特殊保护', want: '/guide/weiquan/' },
	// 组织建设与建小家
	{ query: '工会小组', want: '/guide/zuzhi/' },
	{ query: '入会率', want: '/guide/zuzhi/' },
	{ query: '经费审查', want: '/guide/zuzhi/' },
	{ query: '经费单独管理', want: '/guide/zuzhi/' },
	{ query: '换届选举', want: '/guide/zuzhi/' },
	{ query: '职工小家', want: '/guide/zuzhi/' },
	{ query: '六有', want: '/guide/zuzhi/' },
	{ query: '会籍管理', want: '/guide/zuzhi/' },
	// 工会干部
	{ query: '积极分子', want: '/guide/ganbu/' },
	{ query: '新任干部', want: '/guide/ganbu/' },
	{ query: '委员会定期议事', want: '/guide/ganbu/' },
	{ query: '分工负责', want: '/guide/ganbu/' },
	// 民主之家
	{ query: '怎样开好职代会', want: '/guide/minzhu/' },
	{ query: '职代会', want: '/guide/minzhu/' },
	{ query: '厂务公开', want: '/guide/minzhu/' },
	{ query: '提案征集', want: '/guide/minzhu/' },
	{ query: '民主评议', want: '/guide/minzhu/' },
	{ query: '会务公开', want: '/guide/minzhu/' },
	// 为职工办实事、温暖之家
	{ query: '五必访', want: '/guide/shishi/' },
	{ query: '走访台账', want: '/guide/shishi/' },
	{ query: '公开承诺办实事', want: '/guide/shishi/' },
	{ query: '困难职工档案', want: '/guide/wennuan/' },
	{ query: '送温暖', want: '/guide/wennuan/' },
	{ query: '互助保障', want: '/guide/wennuan/' },
	// 学习、素质、文明
	{ query: '职工书屋', want: '/guide/xuexi/' },
	{ query: '学习型组织', want: '/guide/xuexi/' },
	{ query: '数字阅读', want: '/guide/xuexi/' },
	{ query: '劳动竞赛', want: '/guide/suzhi/' },
	{ query: '技术比武', want: '/guide/suzhi/' },
	{ query: '争优创先', want: '/guide/suzhi/' },
	{ query: '活动阵地', want: '/guide/wenming/' },
	{ query: '文体活动', want: '/guide/wenming/' },
	{ query: '职业道德', want: '/guide/wenming/' },
	// 会员评家、总则
	{ query: '会员评家', want: '/guide/gonggu/' },
	{ query: '满意度口径', want: '/guide/gonggu/' },
	{ query: '整改回告', want: '/guide/gonggu/' },
	{ query: '工作日历', want: '/guide/gonggu/' },
	{ query: '特色品牌', want: '/guide/zongze/' },
	{ query: '工作思路', want: '/guide/zongze/' },
	// The scoring rules themselves
	{ query: '否决项', want: '/method/' },
	{ query: '必备项', want: '/method/' },
	{ query: '计分方法', want: '/method/' },
	{ query: '加分项', want: '/method/j/' },
];
