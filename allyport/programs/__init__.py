"""Programs and designations, program applications, learning and certifications, and the Partner
Scorecard.
"""
