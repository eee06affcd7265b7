"""The dbt project as Dagster assets: the project and its manifest, the translator (asset keys and groups),
the `@dbt_assets` definition, which rows its tests look at (test_scope), the dbt CLI resource, and the metadata
a user reads on a mart's page."""
