"""Baselines of the queue benchmark: the same no-op jobs through Python RQ and arq on the same Redis.

    python queue_baselines.py rq|arq REDIS_URL JOBS

Enqueues JOBS no-op jobs (pipelined), then drains them with one worker in this process and prints
`jobs=N seconds=S jobs_per_s=R` for the drain.
"""
import asyncio
import os
import sys
import time
import uuid

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))


def noop():
    """The RQ job: does nothing."""


async def arq_noop(ctx):
    """The arq job: does nothing."""


def run_rq(url, jobs):
    from redis import Redis
    from rq import Queue, SimpleWorker

    from queue_baselines import noop as importable_noop  # stored by its module path, not __main__

    connection = Redis.from_url(url)
    queue = Queue(f"bench-{uuid.uuid4().hex[:8]}", connection=connection)
    for start in range(0, jobs, 1000):
        batch = [Queue.prepare_data(importable_noop, result_ttl=0) for _ in range(start, min(start + 1000, jobs))]
        queue.enqueue_many(batch)
    assert len(queue) == jobs, f"rq holds {len(queue)} jobs, expected {jobs}"
    worker = SimpleWorker([queue], connection=connection)
    began = time.perf_counter()
    worker.work(burst=True, logging_level="WARNING")
    seconds = time.perf_counter() - began
    assert len(queue) == 0, f"rq left {len(queue)} jobs"
    assert queue.failed_job_registry.count == 0, f"rq failed {queue.failed_job_registry.count} jobs"
    return seconds


def run_arq(url, jobs):
    from arq import create_pool
    from arq.connections import RedisSettings
    from arq.worker import Worker, func

    async def main():
        queue_name = f"bench-{uuid.uuid4().hex[:8]}"
        pool = await create_pool(RedisSettings.from_dsn(url), default_queue_name=queue_name)
        for start in range(0, jobs, 1000):
            await asyncio.gather(*(pool.enqueue_job("noop") for _ in range(start, min(start + 1000, jobs))))
        # Tuned for throughput: many jobs in flight, large reads, no stored results, short polls.
        worker = Worker(
            functions=[func(arq_noop, name="noop")],
            redis_pool=pool,
            queue_name=queue_name,
            burst=True,
            max_jobs=500,
            queue_read_limit=1000,
            keep_result=0,
            poll_delay=0.01,
            handle_signals=False,
        )
        began = time.perf_counter()
        await worker.main()
        seconds = time.perf_counter() - began
        assert worker.jobs_complete == jobs, f"arq ran {worker.jobs_complete} jobs"
        await worker.close()
        return seconds

    return asyncio.run(main())


if __name__ == "__main__":
    kind, url, jobs = sys.argv[1], sys.argv[2], int(sys.argv[3])
    seconds = {"rq": run_rq, "arq": run_arq}[kind](url, jobs)
    print(f"jobs={jobs} seconds={seconds:.3f} jobs_per_s={int(jobs / seconds)}")
