"""The format module carries the 2021 national format exactly (国办公开办函〔2021〕30号)."""

from gongkai.reports import format as fmt


def test_six_sections_with_fixed_headings():
    assert [heading for _key, heading in fmt.SECTIONS] == [
        "一、总体情况",
        "二、主动公开政府信息情况",
        "三、收到和处理政府信息公开申请情况",
        "四、政府信息公开行政复议、行政诉讼情况",
        "五、存在的主要问题及改进情况",
        "六、其他需要报告的事项",
    ]


def test_table2_has_the_four_subtables():
    assert [sub.heading for sub in fmt.TABLE2] == [
        "第二十条第（一）项",
        "第二十条第（五）项",
        "第二十条第（六）项",
        "第二十条第（八）项",
    ]
    assert fmt.TABLE2[0].rows == (("regulation", "规章"), ("normative_document", "行政规范性文件"))
    assert [label for _k, label in fmt.TABLE2[0].columns] == [
        "本年制发件数",
        "本年废止件数",
        "现行有效件数",
    ]
    assert fmt.TABLE2[3].columns == (("amount", "本年收费金额（单位：万元）"),)
    assert len(fmt.TABLE2_KEYS) == 10


def test_table3_is_25_rows_by_7_columns_in_national_order():
    labels = [row.label for row in fmt.TABLE3_ROWS]
    assert len(labels) == 25
    assert len(fmt.TABLE3_LAYOUT.data_cells()) == 175
    assert labels[:4] == [
        "一、本年新收政府信息公开申请数量",
        "二、上年结转政府信息公开申请数量",
        "（一）予以公开",
        "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
    ]
    assert labels[4] == "1.属于国家秘密"
    assert labels[11] == "8.属于行政查询事项"
    assert labels[20] == "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"
    assert labels[-3:] == ["3.其他", "（七）总计", "四、结转下年度继续办理"]
    assert [label for _k, label in fmt.TABLE3_COLUMNS] == [
        "自然人",
        "商业企业",
        "科研机构",
        "社会公益组织",
        "法律服务机构",
        "其他",
        "总计",
    ]


def test_table3_header_cells_are_merged_as_in_the_format():
    spans = {
        cell.text: (cell.rowspan, cell.colspan) for cell in fmt.TABLE3_LAYOUT.cells if cell.text
    }
    assert spans["（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"] == (3, 3)
    assert spans["申请人情况"] == (1, 7)
    assert spans["自然人"] == (2, 1)
    assert spans["法人或其他组织"] == (1, 5)
    assert spans["总计"] == (2, 1)
    assert spans["三、本年度办理结果"] == (22, 1)
    assert spans["（三）不予公开"] == (8, 1)
    assert spans["（四）无法提供"] == (3, 1)
    assert spans["（五）不予处理"] == (5, 1)
    assert spans["（六）其他处理"] == (3, 1)


def test_every_layout_covers_its_grid_exactly_once():
    for layout in (fmt.TABLE2_LAYOUT, fmt.TABLE3_LAYOUT, fmt.TABLE4_LAYOUT):
        covered = [
            (r, c)
            for cell in layout.cells
            for r in range(cell.row, cell.row + cell.rowspan)
            for c in range(cell.column, cell.column + cell.colspan)
        ]
        assert sorted(covered) == [
            (r, c) for r in range(layout.rows) for c in range(layout.columns)
        ]


def test_table4_has_15_cells_in_three_groups():
    assert len(fmt.TABLE4_KEYS) == 15
    assert fmt.TABLE4_KEYS[:5] == (
        "review.upheld",
        "review.corrected",
        "review.other",
        "review.pending",
        "review.total",
    )
    spans = {
        cell.text: (cell.rowspan, cell.colspan) for cell in fmt.TABLE4_LAYOUT.cells if cell.text
    }
    assert spans["行政复议"] == (1, 5)
    assert spans["行政诉讼"] == (1, 10)
    assert spans["未经复议直接起诉"] == (1, 5)
    assert spans["复议后起诉"] == (1, 5)
