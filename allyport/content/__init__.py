"""Staff-published content (news, events, walkthroughs, resources) and the Build and Market pages
built on it.
"""
