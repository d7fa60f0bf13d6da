namespace OrderPipeline.Cql;

/// <summary>Consistency levels with their protocol codes.</summary>
public enum CqlConsistency : short
{
    /// <summary>A write is stored by any node, hints included.</summary>
    Any = 0x0000,

    /// <summary>One replica.</summary>
    One = 0x0001,

    /// <summary>Two replicas.</summary>
    Two = 0x0002,

    /// <summary>Three replicas.</summary>
    Three = 0x0003,

    /// <summary>A majority of all replicas.</summary>
    Quorum = 0x0004,

    /// <summary>Every replica.</summary>
    All = 0x0005,

    /// <summary>A majority of the replicas in the coordinator's datacenter.</summary>
    LocalQuorum = 0x0006,

    /// <summary>A majority in every datacenter.</summary>
    EachQuorum = 0x0007,

    /// <summary>Paxos phase across all datacenters (conditional updates).</summary>
    Serial = 0x0008,

    /// <summary>Paxos phase within the local datacenter.</summary>
    LocalSerial = 0x0009,

    /// <summary>One replica in the local datacenter.</summary>
    LocalOne = 0x000A,
}
