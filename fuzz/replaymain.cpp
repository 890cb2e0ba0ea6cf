// Replays a fuzz harness without libFuzzer (any compiler, the ordinary test command): every
// file of the corpus directories, then seeded mutations of each (byte flips, inserted tokens,
// cut and spliced ranges), so the g++ build also probes past the corpus. Crashes and broken
// invariants end the process abnormally, which fails the test.
//
//   fuzz_NAME_replay [--mutations N] [--seed S] CORPUS_DIR...
#include "fuzzinput.h"

#include <QByteArray>
#include <QDir>
#include <QFile>
#include <QRandomGenerator>

#include <cstdio>

namespace {

const QList<QByteArray> Tokens{"{", "}", "[", "]", "\"", ":", ",", "null", "true", "-1", "1e999", "0.5", "\"\\u0000\"",
    "\"\\ud800\"", "\xff\xfe", "\n", "\r\n", "@@ -1,3 +1,4 @@\n", "--- a\n+++ b\n", "\\ No newline",
    "Content-Length: 99999999999999999999\r\n", "\r\n\r\n", "\"outcome\":\"modify\"", "\"payload\":{}",
    QByteArray(300, 'a')};

QByteArray mutate(const QByteArray &input, const QList<QByteArray> &corpus, QRandomGenerator &random)
{
    QByteArray out = input;
    const int steps = 1 + int(random.bounded(4));
    for (int s = 0; s < steps; ++s) {
        const qsizetype at = out.isEmpty() ? 0 : qsizetype(random.bounded(quint32(out.size() + 1)));
        switch (random.bounded(6)) {
        case 0: // flip a bit
            if (!out.isEmpty())
                out[qMin(at, out.size() - 1)] ^= char(1 << random.bounded(8));
            break;
        case 1: // insert a token that parsers care about
            out.insert(at, Tokens.at(random.bounded(int(Tokens.size()))));
            break;
        case 2: // cut a range
            out.remove(at, qsizetype(random.bounded(1, 16)));
            break;
        case 3: // repeat a range
            out.insert(at, out.mid(at, qsizetype(random.bounded(1, 64))));
            break;
        case 4: // splice another corpus file in
            if (!corpus.isEmpty()) {
                const QByteArray &other = corpus.at(random.bounded(int(corpus.size())));
                out = out.left(at) + other.mid(qsizetype(random.bounded(quint32(other.size() + 1))));
            }
            break;
        default: // a random byte
            out.insert(at, char(random.bounded(256)));
            break;
        }
    }
    return out;
}

void run(const QByteArray &input)
{
    LLVMFuzzerTestOneInput(reinterpret_cast<const uint8_t *>(input.constData()), size_t(input.size()));
}

} // namespace

int main(int argc, char **argv)
{
    int mutations = 300;
    quint32 seed = 20261126;
    QList<QByteArray> corpus;
    for (int i = 1; i < argc; ++i) {
        const QByteArray arg = argv[i];
        if (arg == "--mutations" && i + 1 < argc) {
            mutations = QByteArray(argv[++i]).toInt();
        } else if (arg == "--seed" && i + 1 < argc) {
            seed = QByteArray(argv[++i]).toUInt();
        } else {
            const QDir dir(QString::fromLocal8Bit(arg));
            const QStringList files = dir.entryList(QDir::Files, QDir::Name);
            for (const QString &name : files) {
                QFile file(dir.filePath(name));
                if (file.open(QIODevice::ReadOnly))
                    corpus.append(file.readAll());
            }
        }
    }
    if (corpus.isEmpty()) {
        std::fprintf(stderr, "no corpus files given\n");
        return 2;
    }
    QRandomGenerator random(seed);
    qint64 inputs = 0;
    for (const QByteArray &input : std::as_const(corpus)) {
        run(input);
        ++inputs;
        for (int m = 0; m < mutations; ++m) {
            run(mutate(input, corpus, random));
            ++inputs;
        }
    }
    std::printf("FIGURES replayed corpus=%lld inputs=%lld seed=%u\n", qint64(corpus.size()), inputs, seed);
    return 0;
}
