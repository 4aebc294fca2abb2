from datetime import date

import factory

from gongkai.search.engine import SearchDoc


class SearchDocFactory(factory.Factory):
    class Meta:
        model = SearchDoc

    id = factory.Sequence(lambda n: n + 1)
    title = factory.Sequence(lambda n: f"关于第{n}号事项的通知")
    published_on = date(2024, 3, 1)
    body = "各单位：现将有关事项通知如下。"
    unit_ids = (1,)
