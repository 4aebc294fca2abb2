"""The steps of disclosure on application as the applicant meets them, for the 流程图 drawn on
the 申请须知 page and the notes of the paper form: one list, so the chart and its text agree."""

from dataclasses import dataclass

from .deadlines import CORRECTION_NOTICE_LIMIT, MAX_EXTENSION, REPLY_LIMIT

STEPS = (
    ("提出申请", "在线填写、当面递交、邮寄或传真申请表，附身份证明（条例第二十九条）。"),
    ("登记，出具回执", "收到申请之日起计算答复期限；网上提交的以系统确认之日为准（第三十一条）。"),
    (
        "需要补正的，一次性告知",
        f"{CORRECTION_NOTICE_LIMIT}个工作日内告知；申请人在补正期限内补正；答复期限自收到补正之日起重新计算（第三十条）。",
    ),
    (
        "征求第三方或其他机关意见",
        "涉及商业秘密、个人隐私或其他机关的信息时征求意见，所需时间不计入答复期限（第三十二条、第三十四条）。",
    ),
    (
        f"{REPLY_LIMIT}个工作日内答复",
        f"法定节假日和周末不计，调休上班日计入；确需延长的，经负责人同意延长不超过{MAX_EXTENSION}个工作日并告知申请人（第三十三条）。",
    ),
    ("送达答复书和信息", "按申请人选择的方式提供：邮寄、电子邮件、当面领取或在线查看下载。"),
    ("不服答复的救济", "可以申请行政复议或者提起行政诉讼（第五十一条）。"),
)

BOX_WIDTH = 560
BOX_HEIGHT = 56
GAP = 28
MARGIN = 8


@dataclass(frozen=True)
class Box:
    number: int
    title: str
    note: str
    y: int

    @property
    def text_y(self):
        return self.y + 35

    @property
    def arrow_from(self):
        return self.y + BOX_HEIGHT

    @property
    def arrow_to(self):
        return self.y + BOX_HEIGHT + GAP - 4


def boxes():
    """The chart's boxes top to bottom, with their vertical positions in SVG units."""
    return [
        Box(number=i, title=title, note=note, y=MARGIN + (i - 1) * (BOX_HEIGHT + GAP))
        for i, (title, note) in enumerate(STEPS, start=1)
    ]


def chart():
    drawn = boxes()
    return {
        "boxes": drawn,
        "width": BOX_WIDTH + 2 * MARGIN,
        "height": drawn[-1].y + BOX_HEIGHT + MARGIN,
        "box_width": BOX_WIDTH,
        "box_height": BOX_HEIGHT,
        "middle": MARGIN + BOX_WIDTH // 2,
        "margin": MARGIN,
    }
