"""The job tables now belong to allyport.jobs (the one job framework)."""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('bulk', '0002_api_jobs'),
        ('jobs', '0001_initial'),
    ]

    operations = [
        # The tables stay (their db_table is kept by allyport.jobs); only the state moves.
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.RemoveField(
                    model_name='bulkfilepart',
                    name='file',
                ),
                migrations.RemoveField(
                    model_name='bulkfilepart',
                    name='job',
                ),
                migrations.RemoveField(
                    model_name='bulkjob',
                    name='company',
                ),
                migrations.RemoveField(
                    model_name='bulkjob',
                    name='created_by',
                ),
                migrations.RemoveField(
                    model_name='bulkrecord',
                    name='job',
                ),
                migrations.DeleteModel(
                    name='BulkFile',
                ),
                migrations.DeleteModel(
                    name='BulkFilePart',
                ),
                migrations.DeleteModel(
                    name='BulkJob',
                ),
                migrations.DeleteModel(
                    name='BulkRecord',
                ),
            ],
            database_operations=[],
        ),
    ]
