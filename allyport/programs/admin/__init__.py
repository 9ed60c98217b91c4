"""The staff side: the catalogue (programs, designations, resource pages, courses),
the scorecard's thresholds, the review of program applications and the import of
certification records. Reviews and imports go through the services as a staff actor,
so they are decided and audited as any other change."""

from allyport.programs.admin import catalogue, certifications, review  # noqa: F401
