"""Words of the Compare and Targets-vs-actuals pages and of their core, in Chinese and English.

A table of its own so that it grows without touching the others; i18n.t() looks keys up in all of them.
"""

from __future__ import annotations

STRINGS: dict[str, dict[str, str]] = {
    # compare: core
    "compare.national": {"zh": "全国", "en": "China"},
    "compare.col_category": {"zh": "类别", "en": "Category"},
    "compare.col_group": {"zh": "可比组", "en": "Comparability group"},
    "compare.col_metric": {"zh": "指标", "en": "Metric"},
    "compare.pop_unknown": {"zh": "{region}常住人口不详，无法按人均计", "en": "{region}: population unknown, no per-resident value"},
    "compare.pop_known": {"zh": "{region}按 {year} 年常住人口 {value} 计", "en": "{region}: {year} resident population, {value}"},
    "compare.not_total": {"zh": "比率或占比，不按人均计", "en": "a rate or share: not divided by population"},
    "compare.no_population": {"zh": "常住人口不详", "en": "population unknown"},
    "compare.chart_title": {"zh": "地区对比：{group}", "en": "Regions compared: {group}"},
    "compare.chart_per_resident": {"zh": "（人均）", "en": " (per resident)"},
    "compare.chart_missing": {"zh": "无数据：{regions}", "en": "No figure: {regions}"},
    "compare.chart_x": {"zh": "地区", "en": "Region"},
    # compare: page
    "compare.title": {"zh": "地区对比", "en": "Compare regions"},
    "compare.intro": {
        "zh": "选 2 至 6 个地区并排比较：每格列出已知的目标与实际数，“—”表示没有数据。",
        "en": "Set 2 to 6 regions side by side: each cell lists the targets and actuals known; “—” means none.",
    },
    "compare.regions": {"zh": "地区（2–6 个）", "en": "Regions (2–6)"},
    "compare.too_few": {"zh": "请至少选择 2 个地区。", "en": "Choose at least 2 regions."},
    "compare.too_many": {"zh": "最多比较 6 个地区，只取前 6 个。", "en": "At most 6 regions: the first 6 are kept."},
    "compare.by": {"zh": "按", "en": "By"},
    "compare.by_category": {"zh": "类别", "en": "category"},
    "compare.by_group": {"zh": "可比组", "en": "comparability group"},
    "compare.filter_all": {"zh": "（全部）", "en": "(all)"},
    "compare.filter_category": {"zh": "类别", "en": "Category"},
    "compare.filter_group": {"zh": "可比组", "en": "Comparability group"},
    "compare.matrix": {"zh": "对比矩阵", "en": "Comparison matrix"},
    "compare.matrix_empty": {
        "zh": "所选地区在此范围内没有任何数据。", "en": "The chosen regions have no figure in this selection.",
    },
    "compare.chart": {"zh": "柱状图", "en": "Bar chart"},
    "compare.chart_group": {"zh": "图中的可比组", "en": "Comparability group in the chart"},
    "compare.log": {"zh": "对数坐标", "en": "Log scale"},
    "compare.per_resident": {"zh": "按常住人口人均", "en": "Per resident"},
    "compare.per_resident_na": {
        "zh": "该组为比率或占比，人均换算不适用，图中为原值。",
        "en": "This group is a rate or share: per-resident does not apply, so the chart shows the values as stated.",
    },
    "compare.chart_empty": {
        "zh": "所选地区没有可画图的数据。", "en": "The chosen regions have no figure to chart.",
    },
    "compare.scope": {"zh": "口径说明", "en": "What each figure covers"},
    "compare.population": {"zh": "人均所用人口", "en": "Population used per resident"},
    "compare.legend": {
        "zh": "斜线柱为目标，实心柱为实际；区间目标画在中点，须线到两端；虚线为全国参照。",
        "en": "Hatched bars are targets, solid bars actuals; a range target sits at its midpoint with whiskers "
              "to its ends; dashed lines are national benchmarks.",
    },
    # progress: core
    "progress.status.achieved": {"zh": "已达成", "en": "achieved"},
    "progress.status.on_track": {"zh": "进度正常", "en": "on track"},
    "progress.status.behind": {"zh": "落后", "en": "behind"},
    "progress.status.overdue": {"zh": "逾期未达成", "en": "overdue"},
    "progress.status.no_actual": {"zh": "尚无实际数", "en": "no actual reported yet"},
    "progress.status.undated": {"zh": "无期限，无法判断进度", "en": "no deadline: pace unknown"},
    "progress.rule": {
        "zh": "达成度 = 实际数 ÷ 目标数（区间目标分别对下限和上限计算）。所用实际数：同一地区同一指标最新的实际数；"
              "下级地区的同指标实际数（仅限总量）作为下限，若更大则采用并标注“下限”。"
              "时间进度 = 从文件日期到期限（目标年份 12 月 31 日）已过去的比例。状态："
              "已达成——达成度 ≥ 100%（区间目标达到下限；“以下/不超过”目标为实际数 ≤ 目标；下限单独达到即算）；"
              "尚无实际数——没有可比的实际数；逾期未达成——期限已过仍未达成；"
              "进度正常——达成度 ≥ 时间进度；落后——其余情况；无期限——目标未写年份或文件无日期，无法按时间判断。",
        "en": "Attainment = actual ÷ target (a range target against both its ends). The actual used: the latest actual "
              "of the same metric and region; a child region's actual of the same metric (totals only) is a lower "
              "bound and is used, marked as such, when it is larger. Time elapsed = the share of the time from the "
              "document's date to the deadline (31 December of the target year) that has passed. Status: achieved — "
              "attainment ≥ 100% (a range target: its lower end reached; an at-most target: actual ≤ target; a lower "
              "bound counts if it alone reaches the target); no actual reported yet — no comparable actual; "
              "overdue — the deadline has passed without it; on track — attainment ≥ time elapsed; behind — "
              "otherwise; no deadline — the target states no year or the document no date, so pace cannot be judged.",
    },
    "progress.lower_bound": {"zh": "下限：{region}", "en": "lower bound: {region}"},
    "progress.after_deadline": {
        "zh": "实际数报告于期限之后（{year} 年）", "en": "actual reported after the deadline year ({year})",
    },
    "progress.year_as_of": {
        "zh": "未写年份，按文件日期 {year} 年计", "en": "no year stated; taken as of the document's date ({year})",
    },
    "progress.col.region": {"zh": "地区", "en": "Region"},
    "progress.col.metric": {"zh": "指标", "en": "Metric"},
    "progress.col.target": {"zh": "目标", "en": "Target"},
    "progress.col.deadline": {"zh": "期限", "en": "Deadline"},
    "progress.col.actual": {"zh": "实际", "en": "Actual"},
    "progress.col.attainment": {"zh": "达成度", "en": "Attainment"},
    "progress.col.elapsed": {"zh": "时间进度", "en": "Time elapsed"},
    "progress.col.status": {"zh": "状态", "en": "Status"},
    "progress.col.note": {"zh": "说明", "en": "Note"},
    "progress.col.source": {"zh": "来源", "en": "Source"},
    "progress.no_actual_why": {
        "zh": "该目标尚无实际数报告。", "en": "No actual has been reported for this target yet.",
    },
    "progress.bullet_title": {"zh": "{region}·{metric}：目标与实际", "en": "{region} · {metric}: target and actual"},
    "progress.timeline_title": {"zh": "{region}·{metric}：历年实际", "en": "{region} · {metric}: actuals over the years"},
    "progress.year": {"zh": "年份", "en": "Year"},
    "progress.target_line": {"zh": "目标 {year}", "en": "target {year}"},
    # progress: page
    "progress.title": {"zh": "目标与实际", "en": "Targets vs actuals"},
    "progress.intro": {
        "zh": "每个目标及与之相关的实际数：达成度、时间进度与状态。",
        "en": "Every target with the actuals that bear on it: attainment, time elapsed and status.",
    },
    "progress.rule_heading": {"zh": "状态规则", "en": "How the status is decided"},
    "progress.filter_status": {"zh": "状态", "en": "Status"},
    "progress.filter_region": {"zh": "地区", "en": "Region"},
    "progress.as_of": {"zh": "截至 {date}", "en": "As of {date}"},
    "progress.table": {"zh": "目标一览", "en": "All targets"},
    "progress.none": {"zh": "没有符合筛选条件的目标。", "en": "No target matches the filters."},
    "progress.pick": {"zh": "查看一个目标", "en": "Look at one target"},
    "progress.bullets": {"zh": "目标与实际对照", "en": "Target against actual"},
    "progress.timelines": {"zh": "历年实际", "en": "Actuals over the years"},
    "progress.no_timeline": {
        "zh": "没有哪个指标在同一地区有两个以上年份的实际数，无法画时间线。",
        "en": "No metric has actuals in two or more years for one region, so there is no timeline.",
    },
    "progress.timeline_pick": {"zh": "时间线", "en": "Timeline"},
}
