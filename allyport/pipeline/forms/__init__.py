"""Forms of Opportunity Management and Offerings. They check shape and the model's
limits; the pipeline services decide the rules."""
