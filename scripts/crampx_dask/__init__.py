"""crampx-dask: `crampx explain --jsonl` over many records on a Dask cluster (scripts/crampx-dask)."""
