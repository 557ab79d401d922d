"""Messy consultant-style workbooks for the import tests, written with openpyxl the way real ones
look: merged titles, two-row headers with group headings, 风险点 merged down, text dates,
synonyms, blank rows, broken rows and signature footers. Each builder returns the rows it broke
on purpose, as (sheet, Excel row) pairs."""

from datetime import date, datetime
from pathlib import Path

from openpyxl import Workbook
from openpyxl.worksheet.worksheet import Worksheet

Ref = tuple[str, int]


def _merge_down(ws: Worksheet, col: int, first: int, last: int) -> None:
    ws.merge_cells(start_row=first, start_column=col, end_row=last, end_column=col)


def write_messy_risk_list(path: Path) -> set[Ref]:
    wb = Workbook()
    broken: set[Ref] = set()
    # Sheet 1: 设备设施类, title merged across, a two-row header, 风险点 merged down, no 类型 column.
    ws = wb.active
    ws.title = "设备设施类"
    width = 20
    ws.append(["某某机械有限公司设备设施类风险分级管控清单"])
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=width)
    ws.append(
        [
            "单位：某某机械有限公司",
            None,
            None,
            None,
            None,
            None,
            None,
            None,
            None,
            None,
            None,
            "编制日期：2024年3月",
        ]
    )
    top = ["序号", "风险点", None, None, "检查项目", "危险源", "事故类型", "风险评价", None, None, None,
           "风险级别", "管控措施", None, None, None, None, "管控层级", "责任单位", "责任人"]  # fmt: skip
    sub = [None, "编号", "名称", "区域", None, None, None, "L", "E", "C", "D",
           None, "工程技术", "管理措施", "培训教育", "个体防护", "应急处置", None, None, None]  # fmt: skip
    ws.append(top)
    ws.append(sub)
    for col, heading in enumerate(top, start=1):
        if heading and sub[col - 1] is None:
            _merge_down(ws, col, 3, 4)
    ws.merge_cells("B3:D3")
    ws.merge_cells("H3:K3")
    ws.merge_cells("M3:Q3")
    rows = [
        [1, "SB-01", "1号冲床", "冲压车间", "光电保护", "光电保护失灵，手进入模区", "机械伤害", "１", "6 ", "15分", 90,
         "黄色", "加装双手按钮", "1、班前点检\n2、每周检查", "岗前培训", "/", "停机断电", "车间级", "冲压车间",
         "张伟（冲压车间）"],
        [2, None, None, None, "电气", "接地不良", "电击", 0.5, 6, 15, 45, "四级", "设PE线", "定期检测", None, "绝缘鞋",
         "切断电源", "班组级", "冲压车间", None],
        [3, None, None, None, "模具", "模具松动飞出", "物体打击、高空坠落", 1, 6, 7, 42, "Ⅳ级", "/", "紧固检查",
         "无", "防护眼镜", "—", "班组级", "冲压车间", None],
    ]  # fmt: skip
    for row in rows:
        ws.append(row)
    for col in (2, 3, 4, 20):
        _merge_down(ws, col, 5, 7)
    ws.append([])  # blank row 8
    ws.append([4, "SB-02", "空压机", "空压站", "储气罐", "安全阀失效", "容器爆炸", 2, 6, 15, 180, "较大", "安全阀定期校验",
               "巡检", None, None, "泄压", "公司级", "设备部", "李强"])  # fmt: skip  # row 9: L=2 is off the LEC ladder
    broken.add(("设备设施类", 9))
    ws.append([5, "SB-03", None, "空压站", "皮带", "皮带轮无防护罩", "机械伤害", 1, 6, 7, 42, "低风险", "加装防护罩",
               None, None, None, None, "班组级", "设备部", "李强"])  # fmt: skip  # row 10: name empty, not merged
    broken.add(("设备设施类", 10))
    ws.append([6, "SB-04", "行车", "装配车间", "钢丝绳", "钢丝绳断丝", "起重伤害", 1, 6, 15, 90, "待定", "更换钢丝绳", None,
               None, None, None, "车间级", "装配车间", "王海"])  # fmt: skip  # row 11: 待定
    broken.add(("设备设施类", 11))
    ws.append([7, "SB-04", "行车", "装配车间", "限位器", "限位器失灵", "起重伤害", 3, 6, 15, 270, "一般风险", "每日试验限位",
               None, None, None, None, "车间级", "装配车间", "王海"])  # fmt: skip  # row 12: conflict (270 is 较大)
    ws.append([])
    ws.append(["说明：1. 风险等级按 LEC 法评定。"])
    ws.merge_cells(start_row=14, start_column=1, end_row=14, end_column=width)
    ws.append(["编制：赵六", None, None, None, None, "审核：钱七", None, None, None, None, "批准：孙八"])
    # Sheet 2: 作业活动类 with a one-row header of synonyms, LS method, text dates.
    ws2 = wb.create_sheet("作业活动类")
    ws2.append(["作业活动风险分级管控清单"])
    ws2.merge_cells("A1:M1")
    ws2.append(["序号", "风险点名称", "作业步骤", "危险源或潜在事件", "可能导致的事故类型", "评价方法", "L", "S", "R",
                "风险等级", "现有控制措施", "管控级别", "责任部门", "责任人", "评价日期"])  # fmt: skip
    ws2.append([1, "叉车作业", "行驶", "超速", "厂内机动车辆伤害", "LS", 4, 4, 16, "2级", "限速", "厂级", "仓储部", "宋丽",
                "2024.3.5"])  # fmt: skip
    ws2.append([2, "叉车作业", "装卸", "偏载", "物体打击", "风险矩阵法", 2, 3, 6, "低风险", "禁止超载", "班组级", "仓储部",
                "宋丽", "２０２４年３月５日"])  # fmt: skip
    ws2.append([3, "动火作业", "动火", "未办动火证", "火灾、外星人袭击", "LS", 3, 4, 12, "一般", "办证", "车间级", "设备部",
                "李强", "2024-03-06"])  # fmt: skip  # row 5: unknown accident type
    broken.add(("作业活动类", 5))
    ws2.append([4, "有限空间作业", "进入", "未检测", "中毒、窒息", "LS", 3, 5, 15, "较大风险", "先通风再检测", "公司级",
                "设备部", "李强", "2024-2-30"])  # fmt: skip  # row 6: impossible date
    broken.add(("作业活动类", 6))
    ws2.append([5, "焊接作业", "焊接", "焊渣飞溅", "烫伤", "LS", 2, 2, 4, "蓝", "/", "岗位级", "设备部", "李强",
                datetime(2024, 3, 7)])  # fmt: skip
    ws2.append(["填表人：赵六", None, None, "日期：2024.3.8"])
    wb.save(path)
    return broken


def write_messy_ledger(path: Path) -> tuple[set[Ref], set[Ref]]:
    """A hand-kept ledger; returns (broken rows, duplicate rows)."""
    wb = Workbook()
    ws = wb.active
    ws.title = "2024年隐患台账"
    ws.append(["2024年隐患排查治理台账"])
    ws.merge_cells("A1:O1")
    ws.append(["序号", "发现日期", "检查人", "隐患部位", "隐患内容", "隐患等级", "整改措施", "责任单位", "整改负责人", "整改时限",
               "完成日期", "验收人", "验收日期", "验收意见", "状态"])  # fmt: skip
    sheet = ws.title
    good = dict(place="机加车间", measures="已整改", dept="机加车间", rectifier="王海", acceptor="李强")
    rows = [
        # 3: 3月5日 takes the sheet's year; 立即 deadline; closed by someone else — fine.
        [1, "3月5日", "李强", good["place"], "砂轮机托架间隙过大", "一般", "调整托架", "机加车间", "王海", "立即", "3月5日",
         "李强", "3月5日", "合格", "已销号"],
        # 4: closed, acceptor = rectifier — broken.
        [2, "2024/03/06", "李强", "冲压车间", "冲床光电保护失灵", "一般隐患", "更换控制器", "设备部", "王海", "2024/03/08",
         "2024/03/07", "王海", "2024/03/08", "合格", "已销号"],
        # 5: 已销号 without 验收日期 — broken.
        [3, "2024年3月7日", "李强", "仓库", "消防通道堆放物品", "一般", "清理", "仓储部", "宋丽", "2024年3月8日", "2024年3月7日",
         "李强", None, "合格", "已销号"],
        # 6: 重大 under way without 治理方案 — broken.
        [4, "2024.3.8", "县应急管理局", "喷漆房", "未设可燃气体报警", "重大隐患", "加装报警", "设备部", "李强", "2024.4.30",
         None, None, None, None, "整改中"],
        # 7: deadline before discovery — broken.
        [5, "２０２４－０３－０９", "李强", "配电室", "配电柜前无绝缘垫", "一般", "铺设绝缘垫", "设备部", "王海",
         "2024-03-01", None, None, None, None, "待整改"],
        # 8: full-width date, pending — fine.
        [6, "２０２４－０３－１０", "李强", "配电室", "应急照明不亮", "一般", "更换灯具", "设备部", "王海", "2024-03-15",
         None, None, None, None, "待整改"],
        # 9: a date cell and a serial number, awaiting acceptance — fine.
        [7, date(2024, 3, 11), "李强", "装配车间", "行车限位器失灵", "一般", "更换限位器", "装配车间", "王海", 45370,
         45369, None, None, None, "待验收"],
    ]  # fmt: skip
    for row in rows:
        ws.append(row)
    ws.append([])  # 10 blank
    # 11: the row of line 8 again, with odd spaces and full-width characters — a duplicate.
    ws.append([8, "2024-03-10", "李强", "配电室", " 应急照明\u3000不亮 ", "一般", "更换灯具", "设备部", "王海", "2024-03-15",
               None, None, None, None, "待整改"])  # fmt: skip
    # 12: an impossible date — broken.
    ws.append([9, "2024-02-30", "李强", "食堂", "燃气报警器失效", "一般", "更换", "后勤部", "宋丽", "2024-03-15",
               None, None, None, None, "待整改"])  # fmt: skip
    ws.append([])
    ws.append(["填表人：赵六", None, None, None, "审核人：钱七"])
    wb.save(path)
    broken = {(sheet, r) for r in (4, 5, 6, 7, 12)}
    return broken, {(sheet, 11)}


def write_messy_people(path: Path) -> tuple[set[Ref], set[Ref]]:
    """A 花名册 with a title, an ID-number column and full-width digits; (broken, duplicates)."""
    wb = Workbook()
    ws = wb.active
    ws.title = "花名册"
    ws.append(["员工花名册（2024年3月）"])
    ws.merge_cells("A1:G1")
    ws.append([])
    ws.append(["序号", "姓名", "身份证号码", "部门/车间", "工种", "联系电话", "备注"])
    ws.append([1, "张伟", "320102198001011234", "冲压车间", "冲压工", "１３８０００００００１", None])
    ws.append([2, "李强 ", "320102198001011235", "设备部", "电工", 13800000002, "持电工证"])
    ws.append([3, None, "320102198001011236", "设备部", "焊工", "13800000003", None])  # 6: no name
    ws.append([4, "王海", None, "装配车间", "行车工", "电话坏了", None])  # 7: bad phone
    ws.append([5, "张伟", None, "冲压车间", "冲压工", None, None])  # 8: duplicate of row 4
    ws.append([6, "张伟", None, "装配车间", "装配工", None, "同名不同部门"])
    wb.save(path)
    return {("花名册", 6), ("花名册", 7)}, {("花名册", 8)}
