using System.Buffers.Binary;
using System.Text;

namespace CertHub.Bench.Load;

/// <summary>
/// Reads what the bench needs from a Blazor Server render batch (the binary format of RenderBatchWriter, read by
/// blazor.web.js's OutOfProcessRenderBatch): the string table, the reference frames (element, attribute, text) and the
/// event handler ids the batch disposes. It does not build a DOM.
/// </summary>
internal sealed class RenderBatchReader
{
    private const int FrameLength = 20;
    private readonly byte[] _data;
    private readonly int _stringTable;

    public RenderBatchReader(byte[] data)
    {
        _data = data;
        _stringTable = Int(data.Length - 4);
    }

    /// <summary>Every string of the batch (texts, element and attribute names, attribute values).</summary>
    public IEnumerable<string> Strings()
    {
        var count = (_data.Length - 20 - _stringTable) / 4;
        for (var i = 0; i < count; i++)
        {
            yield return String(i) ?? "";
        }
    }

    /// <summary>Event handler ids the batch disposes (their elements were re-rendered or removed).</summary>
    public IReadOnlyList<long> DisposedEventHandlerIds()
    {
        var range = Int(_data.Length - 8);
        var count = Int(range);
        var ids = new long[count];
        for (var i = 0; i < count; i++)
        {
            ids[i] = BinaryPrimitives.ReadInt64LittleEndian(_data.AsSpan(range + 4 + (i * 8)));
        }

        return ids;
    }

    /// <summary>The edits of each component that the batch updates (RenderTreeDiff: component id, edits).</summary>
    public IEnumerable<(int ComponentId, IReadOnlyList<Edit> Edits)> Diffs()
    {
        var range = Int(_data.Length - 20);
        var count = Int(range);
        for (var i = 0; i < count; i++)
        {
            var diff = Int(range + 4 + (i * 4));
            var editCount = Int(diff + 4);
            var edits = new Edit[editCount];
            for (var e = 0; e < editCount; e++)
            {
                var at = diff + 8 + (e * 16);
                edits[e] = new Edit(Int(at), Int(at + 8));
            }

            yield return (Int(diff), edits);
        }
    }

    /// <summary>The elements of the reference frames from <paramref name="index"/> through its subtree, each with its attribute frames.</summary>
    public IEnumerable<Element> ElementsOf(int index)
    {
        var first = Int(_data.Length - 16) + 4;
        var type = Int(first + (index * FrameLength));
        var end = type == 1 ? index + Int(first + (index * FrameLength) + 4) : index + 1;
        for (var i = index; i < end; i++)
        {
            var at = first + (i * FrameLength);
            if (Int(at) != 1)
            {
                continue;
            }

            var attributes = new List<Attribute>();
            for (var j = i + 1; j < end && Int(first + (j * FrameLength)) == 3; j++)
            {
                attributes.Add(AttributeAt(j)!);
            }

            yield return new Element(String(Int(at + 8)) ?? "", attributes);
        }
    }

    /// <summary>The reference frame at <paramref name="index"/> as an attribute, or null when it is another kind of frame.</summary>
    public Attribute? AttributeAt(int index)
    {
        var at = Int(_data.Length - 16) + 4 + (index * FrameLength);
        return Int(at) != 3
            ? null
            : new Attribute(String(Int(at + 4)) ?? "", String(Int(at + 8)), BinaryPrimitives.ReadInt64LittleEndian(_data.AsSpan(at + 12)));
    }

    private int Int(int position) => BinaryPrimitives.ReadInt32LittleEndian(_data.AsSpan(position));

    private string? String(int index)
    {
        if (index < 0)
        {
            return null;
        }

        var position = Int(_stringTable + (index * 4));
        var length = 0;
        var shift = 0;
        byte b;
        do
        {
            b = _data[position++];
            length |= (b & 0x7F) << shift;
            shift += 7;
        }
        while ((b & 0x80) != 0);

        return Encoding.UTF8.GetString(_data, position, length);
    }

    /// <summary>An edit: 1 prependFrame and 3 setAttribute carry the index of their reference frame.</summary>
    public sealed record Edit(int Type, int ReferenceFrameIndex)
    {
        public const int PrependFrame = 1;
        public const int SetAttribute = 3;
    }

    public sealed record Attribute(string Name, string? Value, long EventHandlerId);

    public sealed record Element(string Name, IReadOnlyList<Attribute> Attributes)
    {
        public Attribute? this[string name] => Attributes.FirstOrDefault(a => a.Name == name);
    }
}
