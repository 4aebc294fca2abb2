import json
import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from gongkai.workdays.models import Source
from gongkai.workdays.notice import NoticeParseError, parse_notice
from gongkai.workdays.services import YearDataError, save_year


class Command(BaseCommand):
    help = (
        "读取国务院办公厅节假日安排通知的文本文件，输出识别结果（JSON）；"
        "不加 --dry-run 时保存为该年的节假日安排（操作人记为系统）。"
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="通知文本文件（UTF-8 或 GB18030）；“-”表示标准输入")
        parser.add_argument("--dry-run", action="store_true", help="只识别并输出，不保存")
        parser.add_argument("--year", type=int, help="文本不含标题时指定年份")

    def handle(self, *args, file, dry_run, year, **options):
        text = _read(file)
        try:
            parsed = parse_notice(text, year=year)
        except NoticeParseError as error:
            raise CommandError(str(error)) from None
        self.stdout.write(json.dumps(parsed.as_json_dict(), ensure_ascii=False))
        if dry_run:
            return
        try:
            result = save_year(
                actor=None,
                year=parsed.year,
                holidays=parsed.holidays,
                workdays=parsed.workdays,
                names=parsed.names,
                source=Source.IMPORT,
                source_note=parsed.document_number,
                notice_text=text,
                reason="命令行导入通知",
            )
        except YearDataError as error:
            raise CommandError(str(error)) from None
        self.stderr.write(f"已保存{parsed.year}年节假日安排（第{result.revision.number}版）。")
        for line in result.change_lines:
            self.stderr.write(line)


def _read(file: str) -> str:
    if file == "-":
        return sys.stdin.read()
    try:
        data = Path(file).read_bytes()
    except OSError as error:
        raise CommandError(f"无法读取文件 {file}：{error.strerror}") from None
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise CommandError("文件编码无法识别，请另存为 UTF-8。")
