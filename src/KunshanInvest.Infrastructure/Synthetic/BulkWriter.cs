using System.Data;
using System.Data.Common;
using System.Diagnostics;
using System.Reflection;
using System.Reflection.Emit;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Npgsql;

namespace KunshanInvest.Infrastructure.Synthetic;

/// <summary>One mapped column: its name, how to read it from an entity, and the provider's type mapping.</summary>
internal sealed record BulkColumn(string Name, Func<object, object?> Read, ValueConverter? Converter, RelationalTypeMapping Mapping)
{
    /// <summary>The value as the provider stores it: the model's value converters applied (enum → int, UTC instants…).</summary>
    public object? ProviderValue(object entity)
    {
        var value = Read(entity);
        return value is null ? null : Converter is null ? value : Converter.ConvertToProvider(value);
    }
}

/// <summary>
/// A table as the EF model maps it: table and column names, getters (complex properties such as Money included) and
/// value converters all come from the model, so the bulk path stays in step with the migrations. A column the
/// model gains without a CLR getter fails loudly here rather than being skipped.
/// </summary>
internal sealed class BulkTable
{
    private BulkTable(string name, string? schema, IReadOnlyList<BulkColumn> columns)
    {
        Name = name;
        Schema = schema;
        Columns = columns;
    }

    public string Name { get; }
    public string? Schema { get; }
    public IReadOnlyList<BulkColumn> Columns { get; }

    public static BulkTable For<T>(DbContext db)
    {
        var entityType = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model.");
        var name = entityType.GetTableName() ?? throw new InvalidOperationException($"{typeof(T).Name} is not mapped to a table.");
        var table = StoreObjectIdentifier.Table(name, entityType.GetSchema());
        var columns = new List<BulkColumn>();
        foreach (var property in entityType.GetProperties())
        {
            columns.Add(Column(property, table, property.GetGetter().GetClrValue));
        }

        foreach (var complex in entityType.GetComplexProperties())
        {
            var owner = complex.GetGetter();
            foreach (var property in complex.ComplexType.GetProperties())
            {
                var inner = property.GetGetter();
                columns.Add(Column(property, table, entity => owner.GetClrValue(entity) is { } value ? inner.GetClrValue(value) : null));
            }
        }

        return new BulkTable(name, entityType.GetSchema(), columns);
    }

    private static BulkColumn Column(IProperty property, StoreObjectIdentifier table, Func<object, object?> read)
    {
        if (property.IsShadowProperty())
        {
            throw new InvalidOperationException($"{property.DeclaringType.DisplayName()}.{property.Name} is a shadow property: teach the synthetic generator its value.");
        }

        var column = property.GetColumnName(table) ?? throw new InvalidOperationException($"{property.Name} has no column in {table.Name}.");
        var mapping = property.GetRelationalTypeMapping();
        return new BulkColumn(column, read, mapping.Converter, mapping);
    }

    /// <summary>Sets a property the domain keeps private (an entity's key), through the backing field the model names.</summary>
    public static Action<TEntity, TValue> Setter<TEntity, TValue>(DbContext db, string propertyName)
    {
        var property = db.Model.FindEntityType(typeof(TEntity))?.FindProperty(propertyName)
            ?? throw new InvalidOperationException($"{typeof(TEntity).Name}.{propertyName} is not in the model.");
        var field = property.FieldInfo
            ?? property.PropertyInfo?.DeclaringType?.GetField($"<{propertyName}>k__BackingField", BindingFlags.Instance | BindingFlags.NonPublic)
            ?? throw new InvalidOperationException($"{typeof(TEntity).Name}.{propertyName} has no backing field.");
        // Keys are init-only (readonly fields): a DynamicMethod may store into them where an expression tree may not.
        var method = new DynamicMethod($"set_{propertyName}", null, [typeof(TEntity), typeof(TValue)], typeof(BulkTable).Module, skipVisibility: true);
        var il = method.GetILGenerator();
        il.Emit(OpCodes.Ldarg_0);
        il.Emit(OpCodes.Ldarg_1);
        il.Emit(OpCodes.Stfld, field);
        il.Emit(OpCodes.Ret);
        return method.CreateDelegate<Action<TEntity, TValue>>();
    }
}

/// <summary>Progress of one kind of row; the console prints it, tests ignore it.</summary>
public sealed record SyntheticProgress(string Kind, long Rows, long Total, TimeSpan Elapsed, bool Done)
{
    public double RowsPerSecond => Elapsed.TotalSeconds > 0 ? Rows / Elapsed.TotalSeconds : 0;
}

/// <summary>
/// Writes rows below EF, inside the caller's transaction: prepared parameterised INSERTs on SQLite, binary COPY on
/// PostgreSQL, SqlBulkCopy on SQL Server. No change tracking and no SaveChanges interceptor: synthetic rows are not
/// user mutations and are not audited (ADR 0011).
/// </summary>
internal abstract class BulkWriter
{
    private const int ReportEvery = 50_000;

    public static BulkWriter For(DbContext db) => db.Database.GetDbConnection() switch
    {
        SqliteConnection => new SqliteBulkWriter(),
        NpgsqlConnection => new PostgresBulkWriter(),
        SqlConnection => new SqlServerBulkWriter(),
        var other => throw new NotSupportedException($"No bulk path for {other.GetType().Name}."),
    };

    public Action<SyntheticProgress>? Progress { get; set; }

    public async Task<long> WriteAsync<T>(DbContext db, string kind, IEnumerable<T> rows, long total, CancellationToken cancellationToken)
        where T : class
    {
        var table = BulkTable.For<T>(db);
        var clock = Stopwatch.StartNew();
        long count = 0;
        await WriteTableAsync(db, table, Counted(), cancellationToken);
        Progress?.Invoke(new SyntheticProgress(kind, count, total, clock.Elapsed, Done: true));
        return count;

        IEnumerable<object> Counted()
        {
            foreach (var row in rows)
            {
                yield return row;
                if (++count % ReportEvery == 0)
                {
                    Progress?.Invoke(new SyntheticProgress(kind, count, total, clock.Elapsed, Done: false));
                }
            }
        }
    }

    protected abstract Task WriteTableAsync(DbContext db, BulkTable table, IEnumerable<object> rows, CancellationToken cancellationToken);

    protected static DbTransaction? Transaction(DbContext db) => db.Database.CurrentTransaction?.GetDbTransaction();

    private sealed class SqliteBulkWriter : BulkWriter
    {
        protected override Task WriteTableAsync(DbContext db, BulkTable table, IEnumerable<object> rows, CancellationToken cancellationToken)
        {
            var connection = (SqliteConnection)db.Database.GetDbConnection();
            using var command = connection.CreateCommand();
            command.Transaction = (SqliteTransaction?)Transaction(db);
            command.CommandText = $"INSERT INTO \"{table.Name}\" ({string.Join(", ", table.Columns.Select(c => $"\"{c.Name}\""))}) " +
                $"VALUES ({string.Join(", ", table.Columns.Select((_, i) => $"@p{i}"))})";

            DbParameter[]? parameters = null;
            foreach (var row in rows)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (parameters is null)
                {
                    // The first row creates the parameters through the model's type mappings (SQLite's TEXT Guids,
                    // its date format); later rows only swap the values of the prepared statement.
                    parameters = [.. table.Columns.Select((c, i) => c.Mapping.CreateParameter(command, $"@p{i}", c.Read(row), nullable: true))];
                    command.Parameters.AddRange(parameters);
                    command.Prepare();
                }
                else
                {
                    for (var i = 0; i < parameters.Length; i++)
                    {
                        parameters[i].Value = table.Columns[i].ProviderValue(row) ?? DBNull.Value;
                    }
                }

                command.ExecuteNonQuery();
            }

            return Task.CompletedTask;
        }
    }

    private sealed class PostgresBulkWriter : BulkWriter
    {
        protected override async Task WriteTableAsync(DbContext db, BulkTable table, IEnumerable<object> rows, CancellationToken cancellationToken)
        {
            var connection = (NpgsqlConnection)db.Database.GetDbConnection();
            var name = table.Schema is null ? $"\"{table.Name}\"" : $"\"{table.Schema}\".\"{table.Name}\"";
            var types = table.Columns.Select(c => c.Mapping.StoreTypeNameBase).ToArray();
            await using var importer = await connection.BeginBinaryImportAsync(
                $"COPY {name} ({string.Join(", ", table.Columns.Select(c => $"\"{c.Name}\""))}) FROM STDIN (FORMAT BINARY)", cancellationToken);
            foreach (var row in rows)
            {
                await importer.StartRowAsync(cancellationToken);
                for (var i = 0; i < table.Columns.Count; i++)
                {
                    if (table.Columns[i].ProviderValue(row) is { } value)
                    {
                        await importer.WriteAsync(value, types[i], cancellationToken);
                    }
                    else
                    {
                        await importer.WriteNullAsync(cancellationToken);
                    }
                }
            }

            await importer.CompleteAsync(cancellationToken);
        }
    }

    /// <summary>SqlBulkCopy in chunks of a DataTable. Not exercised by the test suite: no SQL Server runs on the build machines.</summary>
    private sealed class SqlServerBulkWriter : BulkWriter
    {
        private const int Chunk = 20_000;

        protected override async Task WriteTableAsync(DbContext db, BulkTable table, IEnumerable<object> rows, CancellationToken cancellationToken)
        {
            var connection = (SqlConnection)db.Database.GetDbConnection();
            using var copy = new SqlBulkCopy(connection, SqlBulkCopyOptions.CheckConstraints, (SqlTransaction?)Transaction(db))
            {
                DestinationTableName = table.Schema is null ? $"[{table.Name}]" : $"[{table.Schema}].[{table.Name}]",
                BatchSize = Chunk,
                BulkCopyTimeout = 0,
            };
            using var data = new DataTable();
            foreach (var column in table.Columns)
            {
                var type = column.Mapping.Converter?.ProviderClrType ?? column.Mapping.ClrType;
                type = Nullable.GetUnderlyingType(type) ?? type;
                data.Columns.Add(column.Name, type == typeof(DateOnly) ? typeof(DateTime) : type);
                copy.ColumnMappings.Add(column.Name, column.Name);
            }

            foreach (var row in rows)
            {
                var values = new object[table.Columns.Count];
                for (var i = 0; i < values.Length; i++)
                {
                    var value = table.Columns[i].ProviderValue(row);
                    values[i] = value is DateOnly day ? day.ToDateTime(TimeOnly.MinValue) : value ?? DBNull.Value;
                }

                data.Rows.Add(values);
                if (data.Rows.Count == Chunk)
                {
                    await copy.WriteToServerAsync(data, cancellationToken);
                    data.Clear();
                }
            }

            if (data.Rows.Count > 0)
            {
                await copy.WriteToServerAsync(data, cancellationToken);
            }
        }
    }
}
