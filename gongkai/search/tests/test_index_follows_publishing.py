"""The index follows publishing without ever losing a change: every publish, revision and
withdrawal writes an index operation in its own transaction, the indexer applies the
operations in order, and a crash anywhere in between only means re-applying on restart."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.db import transaction

from gongkai.publishing import samplefiles, workflow
from gongkai.publishing.tests.factories import content, published
from gongkai.search import indexer, services
from gongkai.search.engine import Filters
from gongkai.search.models import IndexOperation

pytestmark = pytest.mark.django_db


def found(query, filters=None):
    index = indexer.open_index()
    return [hit.id for hit in index.search(query, filters).hits]


def run_indexer():
    call_command("run_indexer", "--once", stdout=StringIO())


def test_publishing_queues_an_upsert_and_the_indexer_makes_it_searchable(
    editor_a, reviewer_a, unit_a
):
    document = published(editor_a, reviewer_a, unit_a, title="关于开展森林防火检查的通知")
    assert list(IndexOperation.objects.values_list("document_id", "op")) == [
        (document.pk, "upsert")
    ]
    run_indexer()
    assert found("森林防火") == [document.pk]
    assert found(document.doc_number.replace("〔", "(").replace("〕", ")")) == [document.pk]
    assert found(document.index_number) == [document.pk]


def test_withdrawn_document_disappears(editor_a, reviewer_a, unit_a):
    document = published(editor_a, reviewer_a, unit_a, title="临时交通管制公告")
    run_indexer()
    assert found("交通管制") == [document.pk]
    workflow.withdraw(actor=reviewer_a, document=document, reason="内容有误")
    assert IndexOperation.objects.last().op == "delete"
    run_indexer()
    assert found("交通管制") == []


def test_revision_replaces_the_indexed_text(editor_a, reviewer_a, unit_a):
    document = published(editor_a, reviewer_a, unit_a, title="旧的标题")
    run_indexer()
    workflow.start_revision(actor=editor_a, document=document, change_note="更正标题")
    workflow.update_draft(actor=editor_a, document=document, content=content(title="更正后的标题"))
    workflow.submit(actor=editor_a, document=document)
    workflow.review(
        actor=reviewer_a,
        document=document,
        confidentiality_result="同意公开",
        disclosure_confirmed=True,
    )
    workflow.publish(actor=reviewer_a, document=document)
    run_indexer()
    assert found("旧的标题") == []
    assert found("更正后的标题") == [document.pk]


def test_attachment_only_phrase_finds_its_document(editor_a, reviewer_a, unit_a):
    document = published(
        editor_a,
        reviewer_a,
        unit_a,
        attachments=[("登记表.docx", samplefiles.docx_bytes(["附件：林区野外用火审批登记表"]))],
    )
    run_indexer()
    assert found("野外用火审批") == [document.pk]


def test_filter_by_government_includes_its_units(editor_a, reviewer_a, unit_a, government):
    document = published(editor_a, reviewer_a, unit_a)
    run_indexer()
    assert found("通知", Filters(unit_ids=(government.pk,))) == [document.pk]
    assert found("通知", Filters(unit_ids=(unit_a.pk,))) == [document.pk]


def test_crash_between_commit_and_indexing_loses_nothing(editor_a, reviewer_a, unit_a):
    first = published(editor_a, reviewer_a, unit_a, title="第一份文件")
    run_indexer()
    # The second publication commits; the node dies before its indexer sees it.
    second = published(editor_a, reviewer_a, unit_a, title="第二份文件")
    assert indexer.status().behind == 1
    run_indexer()  # the restarted indexer
    assert set(found("份文件")) == {first.pk, second.pk}
    assert indexer.status().behind == 0


def test_crash_after_indexing_before_marker_reapplies_harmlessly(
    editor_a, reviewer_a, unit_a, monkeypatch
):
    run_indexer()  # build the (empty) index
    document = published(editor_a, reviewer_a, unit_a, title="重放测试")
    index = indexer.open_index()

    def crash(_upto):
        raise SystemExit("killed")

    monkeypatch.setattr(indexer, "write_marker", crash)
    with pytest.raises(SystemExit):
        indexer.Indexer(index).run_once()
    monkeypatch.undo()
    assert indexer.status().behind == 1
    run_indexer()
    assert found("重放测试") == [document.pk]
    assert indexer.open_index().doc_count == 1


def test_rolled_back_change_leaves_no_operation():
    with pytest.raises(RuntimeError), transaction.atomic():
        services.enqueue(42, "upsert")
        raise RuntimeError("the publishing transaction failed")
    assert not IndexOperation.objects.exists()


def test_unknown_operation_is_refused():
    with pytest.raises(ValueError), transaction.atomic():
        services.enqueue(1, "reindex")


@pytest.mark.django_db(transaction=True)
def test_enqueue_outside_a_transaction_is_refused():
    with pytest.raises(RuntimeError, match="inside the caller's transaction"):
        services.enqueue(1, "upsert")
    assert not IndexOperation.objects.exists()


def test_operation_lost_to_a_rollback_does_not_hold_the_indexer_back(editor_a, reviewer_a, unit_a):
    run_indexer()
    with pytest.raises(RuntimeError), transaction.atomic():
        services.enqueue(999, "upsert")
        raise RuntimeError("rolled back")
    document = published(editor_a, reviewer_a, unit_a, title="回滚之后")
    run_indexer()
    assert found("回滚之后") == [document.pk]
    assert indexer.status().behind == 0


def test_status_says_missing_behind_and_up_to_date(editor_a, reviewer_a, unit_a):
    status = indexer.status()
    assert not status.built and "尚未建立" in status.message
    published(editor_a, reviewer_a, unit_a)
    run_indexer()
    assert indexer.status().behind == 0 and "已是最新" in indexer.status().message
    published(editor_a, reviewer_a, unit_a, title="新文件")
    status = indexer.status()
    assert status.behind == 1 and "落后 1 项" in status.message


def test_rebuild_command_shows_progress_and_indexes_every_published_document(
    editor_a, reviewer_a, unit_a
):
    documents = [published(editor_a, reviewer_a, unit_a, title=f"重建{n}") for n in range(3)]
    workflow.withdraw(actor=reviewer_a, document=documents[0], reason="过时")
    out = StringIO()
    call_command("rebuild_search_index", stdout=out)
    assert "2/2 100%" in out.getvalue() and "2 项公开信息" in out.getvalue()
    assert sorted(found("重建")) == sorted(d.pk for d in documents[1:])
    assert indexer.status().behind == 0


def test_demo_load_indexes_published_documents_and_is_repeatable(editor_a, reviewer_a, unit_a):
    from gongkai.search import demo

    document = published(editor_a, reviewer_a, unit_a, title="演示检索文件")
    for _ in range(2):
        out = StringIO()
        demo.load(out)
        assert "1 份" in out.getvalue()
    assert found("演示检索") == [document.pk]
