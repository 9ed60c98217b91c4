"""The worklist's write side: recommendations (`recommend`) and work on tasks (`tasks`)."""
