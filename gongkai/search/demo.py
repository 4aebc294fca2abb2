"""Demo data for search: index whatever the other demo modules published, so the demo
site can be searched at once. Rebuilding is idempotent."""

from . import indexer


def load(stdout):
    count = indexer.rebuild()
    stdout.write(f"检索索引：已收录 {count} 份公开文件。")
