"""The pipeline's pages: Sell > Opportunity Management (list, form, detail, actions)
and Build > Offerings. Views parse input, call one pipeline service and render."""
