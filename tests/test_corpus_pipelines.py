"""``fix_records`` inside someone else's pipeline: the README's Dask DataFrame and bag examples,
run on Dask's in-process scheduler."""

from __future__ import annotations

import pytest

from copyfix.corpus import fix_records
from tests.corpus_datasets import records, write_parquet

dask = pytest.importorskip("dask")
pd = pytest.importorskip("pandas")


def test_readme_dask_dataframe_example(tmp_path):
    import dask.dataframe as dd

    rows = [
        {k: v for k, v in r.items() if k != "tags"}
        for r in records(300)
        if isinstance(r.get("text"), str)
    ]
    write_parquet(tmp_path / "crawl.parquet", rows, row_group_size=100)

    # As in the README:
    def fix_partition(part: pd.DataFrame) -> pd.DataFrame:
        return pd.DataFrame(list(fix_records(part.to_dict("records"))), columns=part.columns)

    df = dd.read_parquet(str(tmp_path / "crawl.parquet"))
    df.map_partitions(fix_partition, meta=df._meta).to_parquet(str(tmp_path / "fixed"))

    with dask.config.set(scheduler="synchronous"):
        back = dd.read_parquet(str(tmp_path / "fixed")).compute()
    assert list(back["text"]) == [r["text"] for r in fix_records(rows)]
    assert list(back["id"]) == [r["id"] for r in rows]


def test_dask_bag_of_records():
    import dask.bag as db

    rows = records(200)
    bag = db.from_sequence(rows, npartitions=4).map_partitions(fix_records)
    assert bag.compute(scheduler="synchronous") == list(fix_records(rows))
