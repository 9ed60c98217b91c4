"""Demo data for `manage.py load_demo`, one module per app it fills."""
