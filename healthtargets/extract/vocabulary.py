"""The extractor's vocabulary: the words and shapes of Chinese plans it reads, as plain tables.

Everything the extractor knows about the language lives here, apart from the code that uses
it, so a curator can see and review what is read as what. The step modules compile these
tables into regular expressions. The order of every table is part of its meaning: where two
entries match at the same place, the first listed wins.

Entries are words, except where a shape needs a pattern (a date, a cue that only counts before
certain verbs); those are regular-expression sources, marked as such.
"""

from __future__ import annotations

# --------------------------------------------------------------------------------------------
# What is read before anything else (regex sources): noise removed from the text the steps read,
# the evidence still quoting the original. Traditional characters are converted with OpenCC.

OPENCC_CONFIG = "t2s"  # traditional to simplified, characters and phrases
NOISE = (
    # 增長(zhǎng), also where the page's lines break inside the brackets: 產(chǎn\n)業
    ("romanisation in brackets", r"(?<=[\u4e00-\u9fff])[（(]\s*[a-zü]*\s*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹ]"
     r"(?:\s*[a-zāáǎàēéěèīíǐìōóǒòūúǔùüǖǘǚǜńňǹ])*\s*[）)]"),
    ("markup", r"<[A-Za-z/!][^<>\n]{0,200}>|&(?:nbsp|ensp|emsp|thinsp);|[\u200b-\u200d\ufeff]"),
    ("spaces after a number", r"(?<=[\d万亿千萬億%％])[ \t\u3000\u00a0]+(?=[^\s\d])"),
)

# --------------------------------------------------------------------------------------------
# Numerals

CHINESE_NUMERALS = "零〇一二两三四五六七八九十百千"  # the characters of a numeral before 万/亿
CHINESE_DIGITS = "零一二三四五六七八九"  # position = value; 〇 reads as 零
MAGNITUDE_WORDS = {"千": 1e3, "万": 1e4, "亿": 1e8}  # 千 folds into the number; 万/亿 may stay in the unit
KEPT_MAGNITUDES = "万亿"  # the magnitudes a written unit may carry (万亩, 亿元)
DECIMAL_POINT = "点"  # 十二点五
APPROX_AFTER = "余多"  # 50多万人, 120余场次: "over"
RANGE_SEPARATORS = ("-{1,2}", "—{1,2}", "–", "~", "～", "至", "到", "－", "−")  # regex sources
RANGE_REPEATED_SEPARATORS = ("-", "--", "—", "——", "–", "~", "～", "至", "－", "−")  # not 到: 从36.9%到65.6% is a change
LIST_TAIL = r"(?:、\s*\d+(?:\.\d+)?)+"  # regex source: 37.2、22.9、16.0个百分点 share the last one's unit
PERCENT_IN_WORDS = "百分之"  # 百分之六十 -> 60 %
FULL_WIDTH_PERCENT = "％"
PERCENT_UNITS = ("%", FULL_WIDTH_PERCENT)
RANGE_REPEATED_UNITS = PERCENT_UNITS  # written at both ends of a range: 36%~42%, 70%至80%
ORDINAL_BEFORE = ("第", "前")  # 第3位, 前10位: a rank, read only with the unit 位
NOT_ORDINAL_BEFORE = ("目前", "当前", "此前", "之前", "以前", "提前", "日前", "年前", "月前", "眼前", "事前")  # 目前7700家
RANK_UNIT = "位"
YEAR_UNIT = "年"
RECENT_SPAN = "近"  # before 年: 近3年 is the last three years (exact), not nearly three
PLAUSIBLE_YEARS = (1900, 2100)  # 2024年 is a year, not a duration
ONE = "一"  # 一 alone (一批) is an article, not a count …
ONE_COUNTS = ("所", "座", "处")  # … except before these counters
# A magnitude word alone after an approximation is a round number: 近百名医生, 近万人次, 上千家 (not 百家争鸣)
LONE_MAGNITUDES = {"百": 100, "千": 1000, "万": 10_000}
LONE_MAGNITUDE_AFTER = ("近", "上", "逾", "超", "约")

# --------------------------------------------------------------------------------------------
# What is not a figure (regex sources; <NUM> stands for a whole run of numerals, <NUMERAL> for
# one, <MEETING>, <PLAN>, <SLOGAN> and <ABSTRACT> for the words of the tables of those names).
# A pattern that starts with a run starts only where the run starts (<NUM>, (?<!\d)\d+): tried
# again inside a long run it would re-read the run from every place, in time quadratic in its length.

MEETING_WORDS = ("会议", "全会", "全体会议", "常委会", "常务会议", "代表大会", "党代会", "大会")  # 四次会议
PLAN_WORDS = ("行动", "计划", "规划", "攻坚", "提升", "倍增", "专项")  # 三年行动计划
SLOGAN_PREFIXES = ("健康", "美丽", "平安", "数字")  # 健康中国2030
ABSTRACT_COUNT_NOUNS = (  # 四个全面, 两个维护, 三个方面
    "全面", "意识", "自信", "维护", "确立", "代表", "坚持", "维度", "方面", "层面", "环节", "统筹",
    "必须", "务必", "一百", "着力", "结合", "转变", "优先", "聚焦",
)
# (what, regex source) in the order they are tried at each place of the text
MASKS = (
    ("full date", r"(?:19|20)\d{2}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*[日号]?"),
    ("time of day", r"\d{1,2}:\d{2}(?::\d{2})?"),
    ("year or year range", r"(?:19|20)\d{2}\s*(?:[-—–~～至到－]+\s*(?:19|20)\d{2}\s*)?年度?"),
    ("bracketed year range", r"(?:19|20)\d{2}\s*[-—–~～至到－]+\s*(?:19|20)\d{2}(?=\s*[)）】〕])"),
    ("year in Chinese numerals", r"[〇零一二三四五六七八九]{4}\s*年"),
    ("month and day", r"\d{1,2}\s*月份?(?:\s*\d{1,2}\s*[日号])?"),
    ("month and day in Chinese numerals", r"[一二三四五六七八九十]{1,3}\s*月(?:\s*[一二三四五六七八九十]{1,3}\s*[日号])?"),
    ("day", r"(?<!\d)\d+\s*[日号]"),
    ("document number", r"[〔［\[【]\s*\d{2,4}[^〕］\]】\n]{0,6}[〕］\]】]?\s*\d*\s*号?"),
    ("ordinal (not a rank: 第3位 is a figure)", r"第\s*<NUM>(?:\.\d+)?(?![\d<NUMERAL>]|\s*位)"),
    ("session or edition", r"<NUM>\s*届(?:\s*<NUM>\s*次)?"),
    ("meeting", r"<NUM>\s*次\s*(?:<MEETING>)"),
    ("five-year plan", r"[十][一二三四五六七八九]五"),
    ("five-year plan by number", r"<NUM>\s*个?\s*五年(?:规划|计划)?"),
    ("multi-year programme", r"<NUM>\s*年\s*(?:<PLAN>)"),
    ("slogan with a year", r"(?:<SLOGAN>)[\u4e00-\u9fff]{1,4}\s*20\d{2}"),
    ("title", r"《[^《》\n]{0,120}》"),
    ("short quoted slogan", r"[“\"「][^”\"」\n]{1,12}[”\"」]"),
    ("address", r"https?://\S+|www\.\S+"),
    ("phone number", r"\(?0\d{2,3}\)?[-\s]?\d{7,8}"),
    ("mobile number", r"(?<!\d)1[3-9]\d{9}(?!\d)"),
    ("code of letters and digits (not GDP3.5%)", r"(?<![A-Za-z])[A-Za-z]+\d[\dA-Za-z/\-]*(?![\d.%％])|(?<!\d)\d+[A-Za-z][\dA-Za-z/\-]*"),
    ("slogan of one-items", r"一[^、，,。；;\n\d]{1,8}(?:、一[^、，,。；;\n\d]{1,8}){2,}"),
    ("party congress", r"(?:十[六七八九]|二十)大"),
    ("political formula or abstract count", r"[两二三四五六七八九十]个(?:<ABSTRACT>)"),
)
# Lines of page furniture (index, registration and contact numbers), when no longer than this and
# no sentence (a line that ends a sentence, 以15家互联网医院为主体…手机App…。, is the text's own)
META_LINE_MAX = 120
META_LINE_NOT_WITH = "。"
META_LINE_WORDS = ("发文字号", "ICP", "备案", "公网安备", "标识码", "电话", "传真", "邮编", "邮箱", "联系方式", "手机", "版权所有")
META_LINE_SPACED_WORDS = ("索引号", "文号")  # also with spaces between the characters: 索 引 号

# --------------------------------------------------------------------------------------------
# Qualifiers

# Words right before the number, longest first (a word may be followed by 达到/达/为)
PREFIX_QUALIFIERS = (
    ("不超过", "at_most"), ("不高于", "at_most"), ("不多于", "at_most"), ("不大于", "at_most"),
    ("最多", "at_most"), ("至多", "at_most"),
    ("不低于", "at_least"), ("不少于", "at_least"), ("不小于", "at_least"), ("至少", "at_least"),
    ("最少", "at_least"),
    ("超过", "over"), ("突破", "over"), ("高于", "over"), ("多于", "over"), ("大于", "over"),
    ("逾", "over"), ("超", "over"), ("破", "over"),
    ("将近", "nearly"), ("接近", "nearly"), ("近", "nearly"),
    ("大约", "about"), ("约为", "about"), ("大概", "about"), ("约", "about"),
)
PREFIX_LINKS = ("达到", "达", "为")  # 不低于达到, 超过为
PREFIX_QUALIFIER_WINDOW = 6  # characters before the number searched for a qualifier word
NOT_PREFIX_QUALIFIERS = ("最近", "附近", "临近", "靠近", "超级", "超前", "打破")  # 近, 超 and 破 inside other words
SUFFIX_QUALIFIERS = {"以上": "at_least", "以下": "at_most", "以内": "at_most", "左右": "about"}

# --------------------------------------------------------------------------------------------
# Units

# A unit character that begins a longer word is no unit: 3家庭, 2所有, 3个月, 二次开发
NOT_A_UNIT_BEFORE = {
    "个": ("月", "工作日", "小时", "百分点", "季度", "星期", "半月"),
    "次": ("开发", "性", "元", "方", "产业", "创业", "分配", "会议", "全会"),
    "家": ("庭", "族", "属", "居", "园", "乡", "长"),
    "所": ("有", "以", "在", "需", "属", "得", "谓"),
    "处": ("理", "于", "置", "长", "室", "级"),
    "场": ("所", "景", "地", "馆"),
    "条": ("件", "例", "款", "目"),
    "名": ("称", "单", "录", "优", "特", "牌", "片", "城", "镇", "村", "胜", "义", "额"),
    "元": ("素", "旦", "宵", "首", "老"),
    "例": ("如",),
    "座": ("谈",),
    "批": ("准", "复", "示", "评"),
    "人": ("民",),
    "年": ("代", "级", "龄", "轻", "均", "度"),
    "项": ("链",),
}
NOT_A_UNIT_LOOKAHEAD = 3  # characters after a unit compared with the words above
# 张 is a unit before punctuation or these characters; before other characters it begins a name
ZHANG = "张"
ZHANG_FOLLOWERS = "以左床病养的及和与等多余，,、。；;：:）)\n 　/"  # (after Chinese numerals: 31张 is always a unit)
# 50余万 after one of these nouns counts people: 万人
PERSON_NOUNS = (
    "医生", "医师", "医护", "护士", "人员", "人才", "人口", "群众", "居民", "老人", "老年人", "患者", "游客",
    "职工", "学生", "志愿者", "会员", "用户",
)
PERSON_UNIT = "人"
# 位 without 第 counts people when one of these, or of the nouns above, follows it or stands before it
# in its phrase (22位医生, 医生为17位, 50多位企业高管); else it is no figure (3位)
PERSON_COUNT_NOUNS = ("专家", "高管", "院士", "嘉宾", "企业家", "教授", "代表", "老人")
PERSON_COUNT_AFTER = 6  # characters after 位 searched for the person noun
# 四大体育赛事品牌 -> 4 个; not 四大之一, 三大学会, 四大型 …
COUNT_WORD = "大"
COUNT_UNIT = "个"
COUNT_RANGE = (2, 10)
COUNT_PHRASE_LENGTH = 13
COUNT_NOT_FOLLOWED_BY = "学会型量力家"
# Counters the unit table does not know: a number before one still states a figure, offered
# with medium confidence and a note asking for the unit (3120种, 160万吨, 0.8个百分点)
COUNTERS = (
    "个百分点", "百分点", "平方公里", "平方千米", "立方米", "公斤", "千克", "公里", "千米", "吨", "斤", "米", "℃",
    "种", "户", "味", "件", "倍", "株", "份", "台", "套", "辆", "栋", "幢", "间", "只", "头", "棵", "首", "本",
    "篇", "册", "科", "属", "类", "对", "组", "宗", "笔", "款", "门", "床", "部门", "县区", "县", "区", "省", "带",
    "成", "天", "周", "岁", "分钟", "小时", "轮", "番",
)
# … unless it begins a longer word (3种植, 5成为, 2带动, 3对接) or a place's name (三台县)
PLACE_SUFFIXES = "县市区镇乡村州"
NOT_A_COUNTER_BEFORE = {
    "种": ("植", "子", "苗", "业", "质", "养"), "户": ("籍", "外", "口", "型", "均"), "味": ("道", "觉"),
    "份": ("额", "子"), "台": ("阶", "湾", "州", "账"), "套": ("餐",), "间": ("隔", "接"), "科": ("技", "学", "室", "研", "普", "目"),
    "属": ("于", "地", "性"), "对": ("接", "口", "外", "于", "象", "标", "比", "话", "照", "应", "策"),
    "组": ("织", "成", "建", "团", "合"), "床": ("位",),
    "县": ("域", "级", "城", "委", "政"), "区": ("域", "间", "级", "委", "政", "位", "别"), "省": ("份", "级", "内", "外", "委", "政"),
    "带": ("动", "来", "头", "领", "给"), "成": ("为", "立", "功", "果", "效", "绩", "本", "员", "熟", "长", "交", "就", "都", "型", "品", "套", "片", "规"),
    "天": ("然", "津", "数"), "周": ("年", "边", "岁", "期", "转"), "首": ("都", "府", "批", "次", "位", "先"),
    "本": ("地", "市", "省", "区", "县", "级", "土", "科"), "类": ("似", "型", "别"), "门": ("诊", "户", "类", "槛", "店"),
}
# 万 or 亿 with no unit noun after it: a sum of money after these words (产值350亿 -> 亿元)
MONEY_NOUNS = (
    "产值", "规模", "收入", "营收", "投资", "销售额", "增加值", "总额", "利润", "税收", "交易额", "成交额", "资金",
    "金额", "消费", "产出", "效益", "生产总值", "GDP", "补贴", "资产", "营业额", "出口额", "进口额", "签约", "融资",
)
MONEY_UNIT = "元"
# Rates: the unit as written (张, 平方米) becomes a rate after these (regex sources)
RATE_UNITS = (  # (unit, pattern in the clause before the number, rate unit)
    ("张", r"(?:每|平均)千(?:名)?(?:老年人|老人|老年人口)", "张/千名老年人"),
    ("张", r"每千(?:名)?(?:常住)?(?:人口|人|居民)", "张/千人"),
    ("平方米", r"人均", "平方米/人"),
)
# A rate per residents that no written unit expresses: noted for the curator (regex source)
PER_RESIDENTS = r"每(?:十|百|千|万|十万)(?:名)?(?:常住)?(?:人口|人|居民|老年人|老人)"
PHRASE_STOPS = "，,。；;\n"  # where the clause before a number begins, for units and rates
COUNT_PHRASE_STOPS = "，,。；;、\n"

# --------------------------------------------------------------------------------------------
# Numbers a unit follows that are still no figures (regex sources, <CLASS> and <PART> standing
# for the words of the tables of those names)

# The bound of a class: 超50亿元的企业3家 counts firms; 50亿元 only says which firms count
CLASS_NOUNS = (
    "企业", "公司", "集团", "品种", "单品", "产品", "项目", "机构", "医院", "乡镇", "村", "园区", "产业园", "基地",
    "龙头", "品牌", "市场主体", "药企", "药店", "景区",
)
CLASS_BOUND_AFTER = (  # after the figure (its 以上/以下 included)
    r"的\s*(?:<NUM>)(?![\d.%％])",  # 营业收入超过10亿元的4家 (not 6700万亩的11.1%: a share)
    r"的[^，,。；;、：:\n\d]{0,10}?(?:<CLASS>)",  # 年销售额10亿元以上的中药加工企业
    r"[^，,。；;、：:\n\d]{0,10}?(?:<CLASS>)\s*(?:<NUM>)",  # 百亿元级龙头企业3家
)
CLASS_BOUND_WITHOUT_DE = r"[^，,。；;、：:\n\d的]{0,10}?(?:<CLASS>)"  # 超亿元大品种, 200张以上床位…机构: with a bound word
CLASS_BOUND_WORDS = ("以上", "以下", "超过", "超", "过", "不低于", "不少于")
SHARE_UNITS = ("%",)
# A count that points back (这三家医院, 上述两个基地) restates what the text has said: no figure of its own
POINTING_BACK = ("这", "那", "上述", "前述", "该")
# The base of a rate (每10万人口中有35位, 每5人中有1人): the rate is the figure, its base is none
RATE_BASE_BEFORE = "每"
RATE_BASE_UNITS = ("人", "万人", "名", "千人")
# The document's own parts: 八项任务, 12个方面, 四大工程, 26条政策 (after a count)
PART_NOUNS = (
    "任务", "举措", "措施", "方面", "政策", "工程", "行动", "方向", "领域", "板块", "体系", "区划", "系列", "章",
    "部分", "条款", "原则", "要点", "战略",
)
PART_AFTER = r"[^，,。；;、：:\n\d]{0,2}?(?:<PART>)"
# … and after 四大 also these (四大产区, 三大产业, 五大系列); 之一: 四大…之一 is no count
GREAT_NOT_IN_PHRASE = ("之一", "产区", "展区", "园区", "片区", "集聚区", "示范区", "功能区", "区域", "产业", "行业")
# Durations that are no figures: the time a plan or a campaign takes (用3年时间, 经过近两年发展, 3年内),
# a point in time (5年前), and years at a rank (连续三年位居全国第一, as a rank is none). A span that
# measures what a text reports or aims at is a quantity: 十年来翻了一番, 近3年年均增长, 未来5年.
DURATION_UNITS = ("年",)
DURATION_BEFORE = r"(?:经过|用|通过|历时|历经)(?:近|约)?\s*$"
DURATION_AFTER = r"(?:内|之内|以内|前|后|时间|的时间|努力|发展|奋斗|成绩单|行动|攻坚|规划|计划|工程)"
DURATION_AT_RANK_BEFORE = r"连续\s*$"
DURATION_AT_RANK_AFTER = r"[^，,。；;\n]{0,16}?(?:居|排名|排在|位列|名列|进入|入选|保持)[^，,。；;\n]{0,10}?(?:第|前|百强|首位|榜首)"
# An age (60岁以上老人) is no figure; a life expectancy, said earlier in the sentence, is (达到79岁, 提高了1.07岁)
AGE_UNITS = ("岁",)
LIFE_EXPECTANCY_WORDS = ("寿命",)

# --------------------------------------------------------------------------------------------
# Zeros stated in words: 我区还没有规模以上康养产业企业 -> 0 家

ZERO_WORDS = ("还没有", "仍没有", "尚没有", "尚无", "暂无", "尚未有", "目前没有")
ZERO_NOUNS = ("企业", "公司", "医院", "机构", "基地", "园区", "平台", "项目")
ZERO_GAP = 16  # characters between the zero word and the noun
ZERO_UNITS = {"企业": "家", "公司": "家", "医院": "家", "机构": "家"}  # the rest count in 个
ZERO_DEFAULT_UNIT = "个"

# Orders of magnitude in words (regex source): 千亿级产业集群 (about 1000 亿元), 突破百亿元, 万亿级产业 (1 万亿元);
# not 八大万亿产业, a count of industries of that size
ORDER_WORDS = {"十": 10, "百": 100, "千": 1000, "": 1}
ORDER_OF_MAGNITUDE = (
    r"(?<![\d〇零一二两三四五六七八九十百千万亿])(?:(?P<order>[十百千])(?P<magnitude>亿|万)|(?<!大)(?P<trillion>万亿))"
    r"(?P<yuan>元)?(?P<level>级)?"
)
# … without 元: a sum of money when 级 follows 亿, a bound word precedes (规模破千亿), or these follow (打造万亿产业)
ORDER_MONEY_AFTER = ("产业", "规模")
# … and one with 级 or one of these soon after it, and no bound word before it (打造百亿元产业, not 突破千亿元大关), names the
# class an industry is to reach: the shape of an aim
ORDER_CLASS_AFTER = ("产业",)
ORDER_CLASS_GAP = 4  # characters that may stand between: 打造百亿元文旅康养产业

# --------------------------------------------------------------------------------------------
# Text whose extraction lost characters: dates run together (2024725), 〔202420 (regex source)

LOST_CHARACTERS = (
    r"^[ \t\u3000]*(?:20\d{2}(?:1[0-2]|0?[1-9])(?:3[01]|[12]\d|0?[1-9])|20\d{2}年\d{2,3})[ \t\u3000]*$"
    r"|〔20\d{3,}+(?!\d*〕)"  # possessive: backing off digit by digit would re-read the run each time
)
BOUND_WORDS_AFTER = "以上以下以内左右"
REPEAT_CONTEXT = 4  # characters before a figure compared to tell a repeat (a headline's) from another figure  # stripped from a figure before it is read as run together

# --------------------------------------------------------------------------------------------
# Layout

PARAGRAPH_END = "\n"
SENTENCE_END = "。！？!?\n"
CLAUSE_END = SENTENCE_END + "，,；;：:"
ITEM_END = CLAUSE_END + "、"
TITLES = r"《[^《》\n]{0,120}》|[“\"「][^”\"」\n]{1,12}[”\"」]"  # regex source: no cue counts inside
HEADING = (  # regex source: 一、… (level 1) or （一）… (level 2), then the heading's title
    r"^\s*(?:(?P<l1>[一二三四五六七八九十]+\s*、)|(?P<l2>[（(]\s*[一二三四五六七八九十]+\s*[)）]))"
    r"\s*(?P<title>[^。！？\n]{1,30})"
)
HEADING_ACTUAL_WORDS = ("情况", "成效", "现状", "概况", "成绩", "进展", "回顾", "基础", "成果", "做法", "问题")
HEADING_TARGET_WORDS = ("目标", "任务", "打算", "方向", "计划", "举措", "措施", "下一步", "重点工作", "思路", "安排")
HEADING_BIAS = 2.0  # a target heading leans its section's figures target, an actual heading actual

# --------------------------------------------------------------------------------------------
# The document's year and region (regex sources)

FULL_DATE = r"((?:19|20)\d{2})\s*(?:年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|[-/.]\s*\d{1,2}\s*[-/.]\s*\d{1,2})"
DOCUMENT_NUMBER_YEAR = r"〔\s*((?:19|20)\d{2})\s*〕"
ISSUER_FIELDS = ("发布机构", "发文单位", "发文机关", "责任部门", "来源")
ISSUER_LINE_ENDINGS = ("人民政府", "委员会", "办公室", "中心", "局")
ISSUER_LINE_MAX = 40
# A region's short name (regex source): 宁夏回族自治区 -> 宁夏, 文山壮族苗族自治州 -> 文山, 重庆市 -> 重庆;
# an autonomous prefecture is also written short + 州 (文山州), a league short + 盟
ETHNIC_GROUPS = (  # as autonomous regions name them, before 族 (维吾尔 has none)
    "壮", "回", "藏", "蒙古", "朝鲜", "彝", "苗", "侗", "土家", "瑶", "白", "傣", "哈尼", "傈僳", "景颇", "布依", "水",
    "仫佬", "毛南", "羌", "黎", "畲", "土", "哈萨克", "柯尔克孜", "达斡尔", "鄂温克", "鄂伦春", "满", "锡伯", "纳西",
    "普米", "独龙", "怒", "拉祜", "佤", "德昂", "阿昌", "仡佬", "撒拉", "保安", "东乡", "裕固", "各",
)
REGION_SUFFIX = r"(?:(?:<ETHNIC>)族)*(?:维吾尔)?自治(?:区|州|县|旗)$|[省市区县州盟旗]$"
REGION_SHORT_LEVEL = {"自治州": "州", "盟": "盟"}
WIDER_REGIONS = ("全国", "我国", "全球", "全世界")
COUNTRY_WORDS = ("全国", "我国")  # each names the country as a document's subject …
COUNTRY_WORD_WEIGHT = 0.5  # … half as much as a region's name: 居全国第一 compares a region with the country
# Words that name the document's own region by its level: 全省 is the province the document is in
OWN_REGION_WORD = r"(?:全|我|本)(?P<level>[省市州盟县区旗])"  # regex source
# … the levels its last character names, the first where the document is of that level or below
# it; the others only for a region whose name ends in it (重庆市 is a province, 宁夏回族自治区 too)
OWN_REGION_LEVELS = {
    "省": ("province",), "市": ("prefecture", "province"), "州": ("prefecture",), "盟": ("prefecture",),
    "县": ("county",), "旗": ("county",), "区": ("county", "province"),
}
# A place named in a dateline (新华社银川4月25日电) or a newspaper's name (十堰日报) is not the subject
NOT_THE_SUBJECT_AFTER = r"\s*(?:\d{1,2}\s*月\s*\d{1,2}\s*日\s*电|日报|晚报|晨报|电视台|广播电视台|新闻网)"
HEADLINE_WEIGHT = 2  # a region named in the text's first line counts this many times
IN = "在"  # 在全市…: skipped before the region a clause speaks of
# The time words a clause may begin with before the region it speaks of (regex source, matched at the clause's start)
LEADING_TIME = (
    r"[\s（(]*(?:(?:到|至|截至|截止)?\s*(?:19|20)\d{2}\s*年(?:底前|底|前|末)?|今年|目前|当前|同时|此外|其中|预计|全年)*"
    r"[\s,，、]*"
)

# --------------------------------------------------------------------------------------------
# What a document says of itself (metadata.py): the fields of a government page (their
# characters may be set apart: 标  题), a notice's title, a letter's letterhead and signature

TITLE_FIELDS = ("标题", "名称", "文件名称")
META_ISSUER_FIELDS = ("发文单位", "发文机关", "发布机构", "发布单位")  # not 来源: a newspaper is no issuer
DOC_NUMBER_FIELDS = ("发文字号", "文号")
DATE_WRITTEN_FIELDS = ("成文日期", "印发日期", "发文日期")
DATE_PUBLISHED_FIELDS = ("发布日期", "发布时间", "公开日期")
META_OTHER_FIELDS = ("责任部门", "来源", "索引号", "主题分类", "体裁分类")  # where a field's value ends, at the latest
# 来政发〔2019〕22号, 皖政秘〔2024〕218号: an issuer's short name ending in a word of the kind of document
DOC_NUMBER = r"[\u4e00-\u9fff]{0,6}[发字函办秘文令告电通]\s*[〔［\[【(（]\s*(?:19|20)\d{2}\s*[〕］\]】)）]\s*\d{1,5}\s*号"
DOC_NUMBER_LINE_SLACK = 4  # characters besides a 文号 on its line (brackets, spaces) for it to be the document's own
TITLE_LABEL = r"^\s*[【\[(（]?\s*原?标题\s*[】\])）:：]\s*"  # regex source: 【原标题】 before a headline
TOP_LINES = 40  # lines at the top of a text (and at its end, for a signature) read for its title and issuer
NOT_A_HEADLINE = (  # regex sources: lines near the top that are no title (credits, datelines, menus, salutations)
    "记者", "摄", "来源", "转载", "星期", "收悉", "如下", "您", "编辑", "字体", "打印", r"\d{1,2}:\d{2}", "首页",
    "当前位置", "[|>»]", "^各", "^[•·*]", "繁体", "无障碍", "登录", "注册", "关怀版", "搜索", "署名",
)
NEWS_WORDS = ("记者", "新华社", "本报讯", "中新网", "通讯员", "日电", "报道")  # a text of the press: news_report
TITLE_ENDINGS = (  # the last words of a notice's or a letter's title
    "通知", "意见", "方案", "规划", "计划", "复函", "答复", "答复函", "报告", "办法", "决定", "批复", "函", "纲要", "公报", "措施",
)
HEADLINE_MAX = 60  # characters of a title or headline line
SIGNATURE_DATE = r"^\s*(?:(?:19|20)\d{2}|[〇零一二三四五六七八九]{4})\s*年\s*[\d一二三四五六七八九十]{1,3}\s*月\s*[\d一二三四五六七八九十]{1,3}\s*日\s*$"
SIGNATURE_REACH = 600  # characters at the end of a text searched for the date it was signed
SOURCE_TYPE_WORDS = (  # (a word of the title, the kind of source), the first found decides
    ("统计公报", "statistical_bulletin"), ("政府工作报告", "work_report"), ("提案", "proposal_reply"),
    ("建议", "suggestion_reply"), ("实施方案", "implementation_plan"), ("行动方案", "implementation_plan"),
    ("工作方案", "implementation_plan"), ("行动计划", "implementation_plan"), ("实施意见", "implementation_opinions"),
    ("意见", "implementation_opinions"), ("规划", "plan"), ("发布会", "press_release"),
)

# --------------------------------------------------------------------------------------------
# Metric: how fully a keyword's words count, by where they stand (in the number's 、-item, its
# clause, earlier in its sentence); how much the document's subject counts; below what score no
# catalogue metric is suggested (a new metric)

METRIC_NEAR = (1.0, 0.7, 0.3)
METRIC_REACH = 60  # characters either side of a number read for its metric
METRIC_TOPIC_WEIGHT = 0.3
METRIC_NEW_BELOW = 0.35

# --------------------------------------------------------------------------------------------
# Kind: cues of target (positive weight) and actual (negative), as regex sources. A number
# with no cue at all is read as stated: an actual.

# Verbs that lean target in a plan and say nothing in a report of achievements (通过持续推进31个医联体建设):
# they count only where most decided figures of the text are targets
WEAK_TARGET_CUES = (r"建设", r"推进|推动")
# Verbs of an aim in a plan and of what was done in a report: a plan writes 新增床位1000张 or 打造3个基地,
# a report 城镇新增就业7.4万人 or 创建示范村107个. They count, and decide the kind of the text, except in a text
# whose other decided figures are mostly actuals (years past, 已, 累计, 截至 …): there they say nothing. The
# first, a clause that starts with the verb and no subject before it, is an instruction (建设两个示范区)
AMBIGUOUS_TARGET_CUES = (
    (r"(?:^|(?<=[，,。；;：:\n]))[ \t\u3000]*(?:建设|新建|打造|培育|推动|推进|创建|争创|实施|组织|开展|引进|新增|布局|发展)", 1.5),
    (r"达到", 0.5), (r"新增|新建|新评定|新创建", 1.5), (r"打造|培育|创建|争创|创成", 1.5),
)
# Aims and plans, and the present, speak for their whole sentence (力争到2025年，…达到X，…Y); a plan's
# name (行动计划, 重点研发计划) is no aim, nor is what was won (新争取中央预算内投资项目13个) …
SENTENCE_CUES = (
    (r"力争", 5), (r"确保", 4), (r"(?<![新已])争取(?!了)", 4), (r"(?<!行动)(?<!研发)(?<!工作)计划", 3), (r"目标", 3), (r"(?<![模虚])拟", 3),
    (r"将(?=[^，,。；;\n]{0,3}(?:达到|达|超过|突破|建成|形成|实现|新|增加|增长|提高|提升|建设|打造|培育|有|完成|举办|开展|引进|推动|推进|重点|鼓励|支持|安排|投入|启动|实施))", 3),
    (r"用[^，,。；;\n]{1,4}时间", 2), (r"要(?=[^，,。；;\n]{0,6}(?:达到|达|超过|突破|建成|形成|实现|新增|提高|提升|控制))", 2),
    (r"目前|当前|现阶段", -4),
    (r"依托|借助|凭借", -3),  # what a plan or a report builds on is there already: 依托2个国家级基地
    (r"(?<![即致促])使(?=[^，,。；;\n]{1,30}?(?:达到|提高到|提升到|增加到|超过|不低于|不少于))", 3),  # 使…达到: what a measure is for
)
# … what was done or is to be done only for its own clause: in a report 实现增加值2844亿元 or
# 由30%提高到60% state what was reached, and the verb of one clause says nothing of the next
CLAUSE_CUES = AMBIGUOUS_TARGET_CUES + (
    (r"(?:提高|提升|增加|增长|发展|扩大|扩展)(?:到|至)", 1),
    (WEAK_TARGET_CUES[0], 0.5), (WEAK_TARGET_CUES[1], 0.5), (r"形成", 0.5), (r"实现", 0.5), (r"举办", 0.5),
    (r"大力|积极|加快|着力|努力|全力|进一步", 1), (r"控制在", 2),
    (r"概算|估算|规划(?=占地|用地|面积|建筑|建设)", 2),  # a project's planned size: 一期规划占地341亩, 概算投资约10亿元
    (r"已", -5), (r"现有|现已", -4),
    # a run of years up to now (连续9年稳定在, 近两年新增) has been
    (r"累计|共计", -3), (r"连续(?=\s*[\d一二两三四五六七八九十]+\s*年)", -3), (r"近[两二三四五几]年", -3),
    (r"被评为|被列为|被命名为|被授予|获评|荣获|获批", -3),  # an honour is received, not aimed at
    (r"(?<![均人口])拥有", -2), (r"共有", -3), (r"先后", -3), (r"建成", -0.5), (r"取得", -1),
    (r"(?:位)?居(?=全国|全省|全市|全区|第|前)", -3), (r"排名|排在|排第", -3),
    (r"全年", -2), (r"(?<![为除])了(?!解)", -1.5), (r"实际", -2),
    (r"(?:全|我|本)[市区县省镇乡]有", -2), (r"(?<![成作以认])为(?=\s*[\d一二两三四五六七八九十])", -1),
    (r"同比|比上年|较上年|比去年|较去年|比上年同期|较上年同期", -3), (r"上半年|前三季度|一季度|前两个月", -2),
)
# … these frames also for the rest of their paragraph
FRAME_CUES = (
    (r"下一步|今后|未来(?!产业)|后续", 3),  # not 未来产业, the industries of the future
    (r"截至|截止", -5), (r"近年来|近几年|多年来|以来", -3), (r"这一年|过去一年|过去的一年|一年来", -4),
    (r"去年|上年|前年|上一年", -4),
)
FORECAST_WORDS = ("预计", "预测", "有望", "预期将", "估计")  # what follows is a projection …
FORECAST_WEIGHT = 2
# … but not of a planned project's own size (预计总投资1.3亿元, 预计建筑面积5万平方米: the plan's intention), nor
# within an aim (争取…预计可实现销售超过50亿元: the aim's words)
PLANNED_SIZE_WORDS = ("总投资", "投资", "建筑面积", "总建筑面积", "占地", "用地")
AIMS_OVER_FORECAST = ("力争", "确保", "争取")
# … unless it is about a year already past when the document was written: an estimate of an actual
# A target said with 将 of these (or of a wider region) is a projection, not an aim (regex source)
PROJECTED = r"人口|老年人|老龄化|人均预期寿命"
# Bounds: a norm (不低于, 至少) speaks for an aim; 以上 and 以下 describe reached figures as well
NORM_WEIGHT = 3.0
ORDER_AIM_WEIGHT = 2.0  # an order of magnitude naming an industry's class (千亿级产业集群): an aim, unless said to be reached
BOUND_AFTER_WEIGHT = 1.0
# A year as a cue: 到2025年 (target), 截至2023年底 (actual), 2023年 (before or after the document's year)
YEAR_CUE = (  # regex source
    r"(?:(?P<pre>到|至|截至|截止|于|在)[ \t\u3000]*)?(?P<y>(?:19|20)\d{2})\s*年(?!\s*\d{1,2}\s*月)"
    r"(?P<post>年底前|底前|前|底|末|以来|上半年|下半年|全年|内)?"
)
YEAR_AS_OF_BEFORE = ("截至", "截止")  # 截至2023年底
YEAR_AS_OF_AFTER = "以来"  # 2019年以来
YEAR_BY_BEFORE = ("到", "至")  # 到2025年 …
# … but after a verb of change (从2014年4028亿元增长到2023年9761亿元) the year ends the change: in a text
# whose own year is unknown it says nothing of target or actual (regex source, matched before 到)
YEAR_BY_AFTER_CHANGE = r"(?:增长|提高|增加|提升|扩大|上升|下降|降低|减少|增|升|降)\s*$"
YEAR_BY_AFTER = ("前", "底前", "年底前")  # 2025年底前
YEAR_RANGE_BEFORE = r"\d{4}\s*[-—–~～至到－]+\s*$"  # 2019-2021年 names a period, not a year
YEAR_RANGE_AFTER = r"\s*[-—–~～至到－]+\s*\d{4}"
YEAR_RANGE_REACH = 6  # characters either side of a year searched for the other end of a period
YEAR_CUE_WEIGHTS = {
    "as_of": -3,  # 截至2023年, 2019年以来
    "by_future": 5,  # 到2025年, after the document's year
    "by_past": -3,  # 到2020年 in a document of 2024: what was reached
    "undated": -1.5,  # a year in a document whose own year is unknown: plans write a future year with 到
    "later": 4,  # 2026年 in a document of 2024
    "same": -1,  # 2024年 in a document of 2024
    "earlier": -4,  # 2023年 in a document of 2024
}
THIS_YEAR_WORDS = ("今年", "本年度", "去年", "上年")  # the document's year, or the one before …
LAST_YEAR_WORDS = ("去年", "上年")  # … for these
WILL_REACH = r"将\s*(?:达到|达|超过|突破|增加到|增长到)"  # regex source: said of a wider region, a projection
