from probes.sim.twilio import main

main()
