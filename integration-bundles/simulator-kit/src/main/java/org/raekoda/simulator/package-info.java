/**
 * What every simulator of a national system shares. A {@link org.raekoda.simulator.Simulator} answers requests in
 * the real system's protocol; it can be told to answer slowly, to fail, or to be down, and it counts what it
 * received, so that tests can prove that each message arrived exactly once. It runs on a loopback socket of its own
 * ({@link org.raekoda.simulator.LoopbackServer}: tests, a laptop, a node that must survive the platform being
 * killed) or, on a development node, as a servlet on Karaf's HTTP whiteboard
 * ({@link org.raekoda.simulator.SimulatorServlet}).
 */
@Export
@Version("1.0.0")
package org.raekoda.simulator;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
