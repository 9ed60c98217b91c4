"""Customer-account bulk jobs become a kind of the one job framework (`allyport.jobs`):
their rows and records move into the job tables, and their own tables go.

The API's status words are mapped at the API boundary; here each stored status
takes the framework's word for it, and back."""

from django.db import migrations

KIND = "customer-account"
TO_JOBS = {"SUBMITTED": "queued", "IN_PROGRESS": "running", "COMPLETED": "done", "FAILED": "failed"}
FROM_JOBS = {value: key for key, value in TO_JOBS.items()}


def _into_jobs(apps, schema_editor):
    Old = apps.get_model("customers", "CustomerAccountBulkJob")
    OldRecord = apps.get_model("customers", "CustomerAccountBulkRecord")
    Job = apps.get_model("jobs", "BulkJob")
    Record = apps.get_model("jobs", "BulkRecord")
    for old in Old.objects.order_by("pk").iterator():
        status = TO_JOBS[old.status]
        job = Job.objects.create(
            public_id=old.public_id,
            company_id=old.company_id,
            catalog=old.catalog,
            kind=KIND,
            status=status,
            created_by_id=old.created_by_id,
            source_ip=old.source_ip,
            source=old.source_uri,
            file_name=old.file_name[:255],
            options=old.options,
            rows_expected=old.total_records,
            rows=old.processed_records,
            succeeded=old.success_count,
            failed=old.failure_count,
            removed=old.deleted_count,
            message=old.failure_reason,
            started_at=None if status == "queued" else old.created_at,
            finished_at=old.completed_at,
        )
        Job.objects.filter(pk=job.pk).update(
            created_at=old.created_at, updated_at=old.completed_at or old.created_at
        )
        records = OldRecord.objects.filter(job_id=old.pk).order_by("public_id")
        Record.objects.bulk_create(
            Record(
                job_id=job.pk,
                public_id=record.public_id,
                row=int(record.public_id),
                request_id=record.request_id,
                status=record.status,
                resource_identifier=record.resource_identifier,
                error_code=record.error_code,
                error_message=record.error_message,
            )
            for record in records.iterator()
        )


def _out_of_jobs(apps, schema_editor):
    Old = apps.get_model("customers", "CustomerAccountBulkJob")
    OldRecord = apps.get_model("customers", "CustomerAccountBulkRecord")
    Job = apps.get_model("jobs", "BulkJob")
    Record = apps.get_model("jobs", "BulkRecord")
    moved = Job.objects.filter(kind=KIND)
    for job in moved.order_by("pk").iterator():
        old = Old.objects.create(
            public_id=job.public_id,
            company_id=job.company_id,
            catalog=job.catalog,
            status=FROM_JOBS[job.status],
            source_uri=job.source,
            file_name=job.file_name,
            options=job.options,
            created_by_id=job.created_by_id,
            source_ip=job.source_ip,
            total_records=job.rows_expected or 0,
            processed_records=job.rows,
            success_count=job.succeeded,
            failure_count=job.failed,
            deleted_count=job.removed,
            failure_reason=job.message,
            created_at=job.created_at,
            completed_at=job.finished_at,
        )
        records = Record.objects.filter(job_id=job.pk).order_by("public_id")
        OldRecord.objects.bulk_create(
            OldRecord(
                job_id=old.pk,
                public_id=record.public_id,
                request_id=record.request_id,
                status=record.status,
                resource_identifier=record.resource_identifier[:24],
                error_code=record.error_code,
                error_message=record.error_message,
            )
            for record in records.iterator()
        )
    Record.objects.filter(job__kind=KIND).delete()
    moved.delete()


class Migration(migrations.Migration):
    dependencies = [
        ("customers", "0001_initial"),
        ("jobs", "0002_job_kinds_share_the_table"),
    ]

    operations = [
        migrations.RunPython(_into_jobs, _out_of_jobs),
        migrations.DeleteModel(name="CustomerAccountBulkRecord"),
        migrations.DeleteModel(name="CustomerAccountBulkJob"),
    ]
