using System.Diagnostics;
using Serenity.Cluster.Provider;
using Serenity.Hocon;

namespace Serenity.Cluster.RabbitMq.Tests.Deploy;

/// <summary>
/// The deploy/ files cannot run here; these tests check that they parse and agree with the keys, ports
/// and secrets the code really uses.
/// </summary>
public sealed class DeployFilesTests
{
    private static readonly string s_root = RepositoryRoot();

    [Fact]
    public void The_mini_yaml_reader_rejects_what_it_does_not_understand()
    {
        Assert.Throws<FormatException>(() => MiniYaml.ParseDocuments("a: 1\n  b: 2\n"));
        Assert.Throws<FormatException>(() => MiniYaml.ParseDocuments("a: 1\na: 2\n"));
        Assert.Throws<FormatException>(() => MiniYaml.ParseDocuments("a:\n\t- x\n"));
        Assert.Throws<FormatException>(() => MiniYaml.ParseDocuments("a: \"open\n"));
        var doc = (Dictionary<string, object>)MiniYaml.ParseDocuments("a:\n  - name: x\n    port: 1\n  - y\nb: |\n  text\n")[0];
        Assert.Equal("1", ((Dictionary<string, object>)((List<object>)doc["a"])[0])["port"]);
        Assert.Equal("text\n", doc["b"]);
    }

    [Fact]
    public void Compose_runs_postgres_rabbitmq_and_three_nodes_with_real_keys_and_distinct_ports()
    {
        var compose = Map(MiniYaml.ParseDocuments(Read("deploy/docker-compose.yml")).Single());
        var services = Map(compose["services"]);
        Assert.Contains("postgres", services.Keys);
        Assert.Contains("rabbitmq", services.Keys);
        var nodes = services.Keys.Where(k => k.StartsWith("node", StringComparison.Ordinal)).ToList();
        Assert.Equal(3, nodes.Count);
        var ports = new HashSet<string>();
        var names = new HashSet<string>();
        foreach (var node in nodes)
        {
            var service = Map(services[node]);
            Assert.Contains("/app/hocon/cluster.conf", Str(service["command"]), StringComparison.Ordinal);
            var env = Map(service["environment"]);
            AssertEnvironmentMapsToRealKeys(env);
            Assert.True(names.Add(Str(env["SERENITY__CLUSTER__NODE_NAME"])));
            var roles = ConfigurationFactory.ParseString("r = " + Str(env["SERENITY__CLUSTER__ROLES"])).GetStringList("r");
            Assert.All(roles, r => Assert.Contains(r, new[] { "ingest", "trading", "web" }));
            Assert.True(ports.Add(Str(((List<object>)service["ports"]).Single()).Split(':')[0]));
        }
        Assert.Contains("COPY hocon/ /app/hocon/", Read("deploy/Dockerfile"), StringComparison.Ordinal);
    }

    [Fact]
    public void Kubernetes_manifests_agree_on_names_ports_probes_secrets_and_hocon()
    {
        var configMap = Map(MiniYaml.ParseDocuments(Read("deploy/k8s/configmap.yaml")).Single());
        var secret = Map(MiniYaml.ParseDocuments(Read("deploy/k8s/secret.yaml")).Single());
        var statefulSet = Map(MiniYaml.ParseDocuments(Read("deploy/k8s/statefulset.yaml")).Single());
        var services = MiniYaml.ParseDocuments(Read("deploy/k8s/service.yaml")).Select(Map).ToList();

        // The HOCON in the ConfigMap is valid cluster configuration (secrets as the Secret provides them).
        var hocon = Str(Map(configMap["data"])["cluster.conf"]);
        var secrets = Map(secret["stringData"]);
        Assert.Contains(ClusterSettings.PostgresEnvironmentVariable, secrets.Keys);
        Assert.Contains(ClusterSettings.RabbitMqEnvironmentVariable, secrets.Keys);
        var config = ConfigurationFactory.ParseString($"serenity.cluster {{ postgresql.connection-string = \"{Str(secrets[ClusterSettings.PostgresEnvironmentVariable])}\", rabbitmq.uri = \"{Str(secrets[ClusterSettings.RabbitMqEnvironmentVariable])}\", node-name = serenity-0 }}")
            .WithFallback(ConfigurationFactory.ParseString(hocon, "configmap"));
        Assert.True(ClusterProvider.IsClusterConfigured(config));
        Assert.Equal(typeof(RabbitMqClusterProvider), Type.GetType(config.GetString(ClusterProvider.ClassPath)));
        Assert.Equal("trading", ClusterSettings.FromConfig(config).ShardRole);
        var port = new Uri(config.GetString("serenity.server.urls")).Port.ToString(System.Globalization.CultureInfo.InvariantCulture);

        var pod = Map(Map(statefulSet["spec"])["template"]);
        var container = Map(((List<object>)Map(pod["spec"])["containers"]).Single());
        Assert.Equal(port, Str(Map(((List<object>)container["ports"]).Single())["containerPort"]));
        Assert.Equal("/readyz", Str(Map(Map(container["readinessProbe"])["httpGet"])["path"]));
        Assert.Equal("/healthz", Str(Map(Map(container["livenessProbe"])["httpGet"])["path"]));
        Assert.Equal(Str(Map(secret["metadata"])["name"]), Str(Map(Map(((List<object>)container["envFrom"]).Single())["secretRef"])["name"]));
        var mount = Str(Map(((List<object>)container["volumeMounts"]).Single())["mountPath"]);
        Assert.Contains(mount + "/cluster.conf", Str(container["args"]), StringComparison.Ordinal);
        Assert.Equal(Str(Map(configMap["metadata"])["name"]), Str(Map(Map(((List<object>)Map(pod["spec"])["volumes"]).Single())["configMap"])["name"]));
        var env = ((List<object>)container["env"]).Select(Map).ToDictionary(e => Str(e["name"]), e => (object)"from-field");
        AssertEnvironmentMapsToRealKeys(env);
        Assert.Contains("SERENITY_NODE_NAME", env.Keys);
        Assert.Contains("${?SERENITY_NODE_NAME}", hocon, StringComparison.Ordinal);

        var podLabels = Map(Map(pod["metadata"])["labels"]);
        Assert.Equal(2, services.Count);
        foreach (var service in services)
        {
            foreach (var (k, v) in Map(Map(service["spec"])["selector"])) Assert.Equal(Str(v), Str(podLabels[k]));
        }
        Assert.Equal(Str(Map(services[0]["metadata"])["name"]), Str(Map(statefulSet["spec"])["serviceName"]));
    }

    [Fact]
    public void The_systemd_unit_and_the_local_script_are_well_formed()
    {
        var unit = Read("deploy/systemd/serenity@.service");
        foreach (var section in new[] { "[Unit]", "[Service]", "[Install]" }) Assert.Contains(section, unit, StringComparison.Ordinal);
        var exec = unit.Split('\n').Single(l => l.StartsWith("ExecStart=", StringComparison.Ordinal));
        Assert.Contains("--config /etc/serenity/cluster.conf", exec, StringComparison.Ordinal);
        Assert.Contains("EnvironmentFile=/etc/serenity/%i.env", unit, StringComparison.Ordinal);

        var script = Path.Combine(s_root, "deploy", "local-cluster.sh");
        Assert.Contains("hocon/cluster.conf", File.ReadAllText(script), StringComparison.Ordinal);
        var psi = new ProcessStartInfo("bash") { RedirectStandardError = true, UseShellExecute = false };
        psi.ArgumentList.Add("-n");
        psi.ArgumentList.Add(script);
        using var bash = Process.Start(psi)!;
        var errors = bash.StandardError.ReadToEnd();
        Assert.True(bash.WaitForExit(TimeSpan.FromSeconds(10)));
        Assert.True(bash.ExitCode == 0, errors);
    }

    /// <summary>SERENITY__A__B_C becomes serenity.a.b-c (the server's rule): it must be a key the code reads.</summary>
    private static void AssertEnvironmentMapsToRealKeys(Dictionary<string, object> env)
    {
        string[] known = ["serenity.cluster.node-name", "serenity.cluster.roles", "serenity.cluster.address", "serenity.server.urls"];
        foreach (var name in env.Keys.Where(k => k.StartsWith("SERENITY__", StringComparison.Ordinal)))
        {
            var key = "serenity." + string.Join('.', name["SERENITY__".Length..].Split("__").Select(p => p.ToLowerInvariant().Replace('_', '-')));
            Assert.Contains(key, known);
        }
        foreach (var name in env.Keys.Where(k => k.StartsWith("SERENITY_", StringComparison.Ordinal) && !k.StartsWith("SERENITY__", StringComparison.Ordinal)))
        {
            Assert.Contains(name, new[] { ClusterSettings.PostgresEnvironmentVariable, ClusterSettings.RabbitMqEnvironmentVariable, "SERENITY_TOKEN_SECRET", "SERENITY_ADMIN_TOKEN", "SERENITY_NODE_NAME" });
        }
    }

    private static Dictionary<string, object> Map(object o) => Assert.IsType<Dictionary<string, object>>(o);

    private static string Str(object o) => o as string ?? throw new InvalidOperationException($"expected a scalar, found {o.GetType().Name}");

    private static string Read(string relative) => File.ReadAllText(Path.Combine(s_root, relative));

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Serenity.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException("Serenity.sln not found above " + AppContext.BaseDirectory);
    }
}
