using System.Text.Json;
using System.Text.Json.Serialization;

namespace OrderPipeline.Stack;

/// A server process the stack started: enough to find it again (PID + kernel start time) and to report it.
public sealed record ServerRecord(ServerKind Kind, int Index, string Host, int Port, int Pid, long StartTicks, string LogPath);

/// The state file (state.json in the state folder): the topology and every server process started.
public sealed record StackState(string Subnet, int KafkaBrokers, int CassandraNodes, IReadOnlyList<ServerRecord> Servers)
{
    public const string FileName = "state.json";

    /// Marks a folder as created by the stack, so --wipe never deletes a folder it did not make.
    public const string MarkerFileName = ".orderpipeline-stack";

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
    };

    public StackTopology Topology => new(KafkaBrokers, CassandraNodes);

    public static StackState? Load(string stateDirectory)
    {
        var path = Path.Combine(stateDirectory, FileName);
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<StackState>(File.ReadAllText(path), JsonOptions);
        }
        catch (JsonException)
        {
            // A truncated file (e.g. disk full) is treated as no record; `down` then finds nothing to stop.
            return null;
        }
    }

    public void Save(string stateDirectory)
    {
        Directory.CreateDirectory(stateDirectory);
        File.WriteAllText(Path.Combine(stateDirectory, MarkerFileName), "Created by orderpipeline stack.\n");
        var path = Path.Combine(stateDirectory, FileName);
        var temp = path + ".tmp";
        File.WriteAllText(temp, JsonSerializer.Serialize(this, JsonOptions));
        File.Move(temp, path, overwrite: true);
    }

    public static void Delete(string stateDirectory) => File.Delete(Path.Combine(stateDirectory, FileName));

    public ServerRecord? Find(ServerKind kind, int index) =>
        Servers.FirstOrDefault(s => s.Kind == kind && s.Index == index);

    public StackState With(ServerRecord record) => this with
    {
        Servers = [.. Servers.Where(s => s.Kind != record.Kind || s.Index != record.Index), record],
    };

    public StackState Without(ServerKind kind, int index) => this with
    {
        Servers = [.. Servers.Where(s => s.Kind != kind || s.Index != index)],
    };
}
