"""A Twilio-compatible simulator: the 2010-04-01 REST API and a simulated telephone network.

The prober's phone and SMS channels, their tests and the demo talk to it
through the official SDK (``probes.twilio_http.twilio_client``) exactly as
they would talk to Twilio, so no real calls, messages or accounts are needed.

    from probes.sim.twilio import TwilioSim, load_numbers
    with TwilioSim(load_numbers("numbers.yaml"), time_scale=0.2) as sim:
        client = twilio_client(sid, token, sim.base_url)
        ...
        sim.events   # what happened on the network, with UTC timestamps

``ROUTES`` lists the served (method, OpenAPI path template) pairs.
"""
from probes.sim.twilio.events import SimEvent
from probes.sim.twilio.numbers import Numbers, load_numbers
from probes.sim.twilio.rest import MEDIA_ROUTES, ROUTES
from probes.sim.twilio.simulator import DEFAULT_PORT, TwilioSim, main

__all__ = ["TwilioSim", "SimEvent", "Numbers", "load_numbers", "ROUTES", "MEDIA_ROUTES", "DEFAULT_PORT", "main"]
