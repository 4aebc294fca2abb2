"""Demo calendar: the years chinesecalendar knows (already loaded by the migration on a fresh
database). Next year stays missing on purpose, so the alert and provisional dates show."""

from .services import load_chinesecalendar_years


def load(stdout):
    added = load_chinesecalendar_years(actor=None)
    if added:
        stdout.write(f"节假日安排：载入 {added[0]}–{added[-1]} 年。")
    else:
        stdout.write("节假日安排：已是最新。")
