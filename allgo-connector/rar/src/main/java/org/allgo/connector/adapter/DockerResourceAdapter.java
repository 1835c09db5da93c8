package org.allgo.connector.adapter;

import jakarta.resource.NotSupportedException;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.ActivationSpec;
import jakarta.resource.spi.BootstrapContext;
import jakarta.resource.spi.ConfigProperty;
import jakarta.resource.spi.Connector;
import jakarta.resource.spi.ResourceAdapter;
import jakarta.resource.spi.ResourceAdapterInternalException;
import jakarta.resource.spi.TransactionSupport.TransactionSupportLevel;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;
import java.io.Serializable;
import java.lang.System.Logger.Level;
import java.util.Optional;
import javax.transaction.xa.XAResource;
import org.allgo.connector.inbound.ContainerEventActivationSpec;
import org.allgo.connector.inbound.EventDispatch;
import org.allgo.connector.swarm.SwarmActivity;
import org.allgo.connector.swarm.SwarmConfig;

/**
 * The Docker Engine resource adapter. The server sets its properties (e.g. with {@code asadmin
 * create-resource-adapter-config}) before {@link #start}; connection factories and message
 * endpoints read them from here.
 */
@Connector(
    displayName = "allgo Docker Engine adapter",
    description = "Docker Engine operations under an environment's policy, and container events",
    vendorName = "allgo",
    eisType = "Docker Engine",
    version = "1.0",
    transactionSupport = TransactionSupportLevel.NoTransaction)
public class DockerResourceAdapter implements ResourceAdapter, Serializable {

  private static final long serialVersionUID = 1L;
  private static final System.Logger LOG = System.getLogger(DockerResourceAdapter.class.getName());

  @ConfigProperty(
      defaultValue = "unix:///var/run/docker.sock",
      description = "The Docker Engine: unix:///path/to/docker.sock or tcp://host:port")
  private String dockerHost = "unix:///var/run/docker.sock";

  @ConfigProperty(
      defaultValue = "dev",
      description =
          "The environment served: prefix of container names, registry namespace allgo/<environment>/")
  private String environment = "dev";

  @ConfigProperty(defaultValue = "127.0.0.1:5000", description = "The registry, host[:port]")
  private String registry = "127.0.0.1:5000";

  @ConfigProperty(
      defaultValue = "allgo/busybox:latest",
      description = "Comma-separated images that may be run besides the environment's namespace")
  private String allowedBaseImages = "allgo/busybox:latest";

  @ConfigProperty(
      defaultValue = "",
      description =
          "Comma-separated absolute host directories under which bind mounts are allowed; empty: none")
  private String allowedVolumeRoots = "";

  @ConfigProperty(
      defaultValue = "docker",
      description =
          "Where containers run: docker (all on the engine) or swarm (those of swarmLabels as swarm"
              + " jobs, the engine being a swarm manager)")
  private String engine = "docker";

  @ConfigProperty(
      defaultValue = "allgo.role=job",
      description = "In swarm mode, the labels (comma-separated key=value) of what the swarm runs")
  private String swarmLabels = "allgo.role=job";

  @ConfigProperty(
      defaultValue = "allgo-jobs",
      description = "In swarm mode, the swarm network of the jobs allowed the network")
  private String swarmNetwork = "allgo-jobs";

  @ConfigProperty(
      defaultValue = "node.labels.allgo.jobs==true",
      description = "In swarm mode, comma-separated placement constraints of every job")
  private String swarmConstraints = "node.labels.allgo.jobs==true";

  @ConfigProperty(
      defaultValue = "",
      description =
          "In swarm mode, a folder with a static busybox (bin/sh, bin/cat, bin/grep) at this path on"
              + " every node, through which a job's memory kills and running time are known")
  private String swarmHelperDir = "";

  private transient EventDispatch events;
  private transient SwarmActivity swarmActivity;

  @Override
  public void start(BootstrapContext context) throws ResourceAdapterInternalException {
    try {
      AdapterConfig config = config();
      Optional<SwarmConfig> swarm = swarm();
      events = new EventDispatch(context.getWorkManager(), swarm, swarmActivity());
      LOG.log(
          Level.INFO,
          "Docker adapter started for environment {0} on {1}{2}",
          config.environment(),
          config.dockerHost(),
          swarm.map(s -> ", jobs " + s.selector() + " on its swarm").orElse(""));
    } catch (IllegalArgumentException e) {
      throw new ResourceAdapterInternalException(
          "Invalid Docker adapter configuration: " + e.getMessage(), e);
    }
  }

  @Override
  public void stop() {
    if (events != null) {
      events.stopAll();
    }
    LOG.log(Level.INFO, "Docker adapter stopped");
  }

  @Override
  public void endpointActivation(MessageEndpointFactory factory, ActivationSpec spec)
      throws ResourceException {
    if (!(spec instanceof ContainerEventActivationSpec eventSpec)) {
      throw new NotSupportedException("Unknown activation spec " + spec.getClass().getName());
    }
    if (events == null) {
      throw new ResourceAdapterInternalException("The Docker adapter is not started");
    }
    events.activate(factory, eventSpec, config());
  }

  @Override
  public void endpointDeactivation(MessageEndpointFactory factory, ActivationSpec spec) {
    if (events != null) {
      events.deactivate(factory, spec);
    }
  }

  @Override
  public XAResource[] getXAResources(ActivationSpec[] specs) {
    return new XAResource[0];
  }

  /** The configuration as currently set; throws {@link IllegalArgumentException} when invalid. */
  public AdapterConfig config() {
    return AdapterConfig.parse(
        dockerHost, environment, registry, allowedBaseImages, allowedVolumeRoots);
  }

  /**
   * The swarm placement's settings in swarm mode, empty in docker mode; throws {@link
   * IllegalArgumentException} when invalid.
   */
  public Optional<SwarmConfig> swarm() {
    return SwarmConfig.forEngine(
        engine, swarmLabels, swarmNetwork, swarmConstraints, swarmHelperDir);
  }

  /** Shared by the connections and the event subscriptions of this adapter. */
  public synchronized SwarmActivity swarmActivity() {
    if (swarmActivity == null) {
      swarmActivity = new SwarmActivity();
    }
    return swarmActivity;
  }

  public String getEngine() {
    return engine;
  }

  public void setEngine(String engine) {
    this.engine = engine;
  }

  public String getSwarmLabels() {
    return swarmLabels;
  }

  public void setSwarmLabels(String swarmLabels) {
    this.swarmLabels = swarmLabels;
  }

  public String getSwarmNetwork() {
    return swarmNetwork;
  }

  public void setSwarmNetwork(String swarmNetwork) {
    this.swarmNetwork = swarmNetwork;
  }

  public String getSwarmConstraints() {
    return swarmConstraints;
  }

  public void setSwarmConstraints(String swarmConstraints) {
    this.swarmConstraints = swarmConstraints;
  }

  public String getSwarmHelperDir() {
    return swarmHelperDir;
  }

  public void setSwarmHelperDir(String swarmHelperDir) {
    this.swarmHelperDir = swarmHelperDir;
  }

  public String getDockerHost() {
    return dockerHost;
  }

  public void setDockerHost(String dockerHost) {
    this.dockerHost = dockerHost;
  }

  public String getEnvironment() {
    return environment;
  }

  public void setEnvironment(String environment) {
    this.environment = environment;
  }

  public String getRegistry() {
    return registry;
  }

  public void setRegistry(String registry) {
    this.registry = registry;
  }

  public String getAllowedBaseImages() {
    return allowedBaseImages;
  }

  public void setAllowedBaseImages(String allowedBaseImages) {
    this.allowedBaseImages = allowedBaseImages;
  }

  public String getAllowedVolumeRoots() {
    return allowedVolumeRoots;
  }

  public void setAllowedVolumeRoots(String allowedVolumeRoots) {
    this.allowedVolumeRoots = allowedVolumeRoots;
  }
}
