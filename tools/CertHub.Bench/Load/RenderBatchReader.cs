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

    /// <summary>The elements among the reference frames, each with the attribute frames that follow it.</summary>
    public IEnumerable<Element> Elements()
    {
        var range = Int(_data.Length - 16);
        var count = Int(range);
        var first = range + 4;
        for (var i = 0; i < count; i++)
        {
            var at = first + (i * FrameLength);
            if (Int(at) != 1)
            {
                continue;
            }

            var attributes = new List<Attribute>();
            for (var j = i + 1; j < count && Int(first + (j * FrameLength)) == 3; j++)
            {
                var a = first + (j * FrameLength);
                attributes.Add(new Attribute(String(Int(a + 4)) ?? "", String(Int(a + 8)),
                    BinaryPrimitives.ReadInt64LittleEndian(_data.AsSpan(a + 12))));
            }

            yield return new Element(String(Int(at + 8)) ?? "", attributes);
        }
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

    public sealed record Attribute(string Name, string? Value, long EventHandlerId);

    public sealed record Element(string Name, IReadOnlyList<Attribute> Attributes)
    {
        public Attribute? this[string name] => Attributes.FirstOrDefault(a => a.Name == name);
    }
}
