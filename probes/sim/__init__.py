"""Simulated companies that the prober can be pointed at in demos and tests."""

from probes.sim.company import DemoCompany

__all__ = ["DemoCompany"]
