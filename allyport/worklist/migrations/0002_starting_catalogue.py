"""The starting catalogue: the guide's stage tables and growth rules (the catalogue package)."""

from django.db import migrations


def load_catalogue(apps, schema_editor):
    from allyport.worklist.catalogue import load

    load(apps.get_model("worklist", "TaskDefinition"), apps.get_model("worklist", "GrowthRule"))


class Migration(migrations.Migration):
    dependencies = [("worklist", "0001_initial")]

    operations = [migrations.RunPython(load_catalogue, migrations.RunPython.noop)]
