"""Market > Marketing Central: campaign templates, campaigns, assets, activation and
export; the Marketing API."""
