"""The marketing jobs on the task worker: activation and export tasks, each a job of
the job framework, claimed once."""

from __future__ import annotations

from django_tasks import task

from allyport.jobs import lifecycle


@task()
def run_marketing_job(job_id: str) -> str:
    from allyport.marketing.services import activation, exports, jobs

    job = lifecycle.claim(job_id)
    if job is None:
        return "already taken"
    (activation.run if job.kind == jobs.ACTIVATION else exports.run)(job)
    return job.status
