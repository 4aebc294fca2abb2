"""Write gongkai/search/words.txt.gz: the 4-character Chinese words that the
search index stores as single terms (see ``gongkai/search/analysis.py``).

    python benchmarks/make_word_list.py [path/to/jieba/dict.txt]

The source is the dictionary shipped with the ``jieba`` package (a development
tool only; the project reads the generated file). Changing the list changes the
index: bump ``engine.SCHEMA_VERSION`` so that indexes are rebuilt. (3-character
words were tried too: building the 3-grams to look them up cost another
~50 µs per document of indexing, for queries that are only 2-bigram phrases.)
"""

import gzip
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "gongkai" / "search" / "words.txt.gz"


def main() -> None:
    if len(sys.argv) > 1:
        source = Path(sys.argv[1])
    else:
        import jieba

        source = Path(jieba.__file__).parent / "dict.txt"
    words = set()
    for line in source.read_text(encoding="utf-8").splitlines():
        word = line.split(" ", 1)[0]
        if len(word) == 4 and all("\u4e00" <= ch <= "\u9fff" for ch in word):
            words.add(word)
    data = "\n".join(sorted(words)) + "\n"
    # mtime=0: the same list always gives the same bytes.
    OUT.write_bytes(gzip.compress(data.encode(), mtime=0))
    print(f"{len(words):,} words → {OUT.relative_to(ROOT)} ({OUT.stat().st_size:,} bytes)")


if __name__ == "__main__":
    main()
