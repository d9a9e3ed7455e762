"""The answers pipeline: every answer that comes back, on any channel, goes the same way.

``classify``: automatic or from a person, and why.
"""
