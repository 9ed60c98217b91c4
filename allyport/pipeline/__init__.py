"""The selling domain: opportunities, solutions, engagements and invitations, leads
and referrals, resource snapshots, prospecting, and the Selling API's handlers.

Public interface (what other apps import; everything else is private to the pipeline):

- `allyport.pipeline.services`  — the write side: every change (create/update/submit
  opportunities, `create_opportunities` for batches, leads, solutions), the checks
  other domains share (`require_pipeline`, `pipeline_company`, `check_catalog`,
  `check_tags`, `clean`),
  the console audit record, and `register_taggable` (other apps make their
  resources taggable by ARN from their AppConfig.ready).
- `allyport.pipeline.selectors` — the read side: who sees what, and ARNs and account
  ids of the pipeline's resources.
- `allyport.pipeline.models`    — the tables (each part keeps its own `models.py`).
- `allyport.pipeline.enums`     — `Catalog`, `ReviewStatus`, `Origin`.
- `allyport.pipeline.signals`   — `opportunity_changed`, `engagement_changed`,
  `engagement_invitation_changed`, sent after commit by `pipeline.effects`.
- `allyport.pipeline.web`       — for other apps' pages only (domain code never
  imports it): the menu items, the catalog switch, the owner choices and the
  opportunity filter bar.

The Selling API's service name is `allyport.shapes.selling.SERVICE`; the caller's
account id (for ARNs) is `ApiContext.account_id`; the services' refusals become
404/403 pages through `allyport.access.views.service_refusals`.

Inside, each part is a package: `opportunities/`, `solutions/`, `engagements/`,
`leads/`, `snapshots/`, `prospecting/`, plus `shared/` (ARNs, clocks, the console
audit record, scope and rights, payload helpers, selling settings, tags) and
`effects.py` (every side effect of a change, in one place).
"""
