<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>DivergingPalette</name>
    <message>
        <source>Purple–Orange (colour-blind safe)</source>
        <translation>Lila–Orange (farbenblind-sicher)</translation>
    </message>
    <message>
        <source>Red–Green</source>
        <translation>Rot–Grün</translation>
    </message>
    <message>
        <source>Red–Blue</source>
        <translation>Rot–Blau</translation>
    </message>
</context>
<context>
    <name>FigurePreset</name>
    <message>
        <source>Single column (3.5 in)</source>
        <translation>Einspaltig (3,5 in)</translation>
    </message>
    <message>
        <source>Double column (7 in)</source>
        <translation>Zweispaltig (7 in)</translation>
    </message>
    <message>
        <source>Screen (10 in, 150 dpi)</source>
        <translation>Bildschirm (10 in, 150 dpi)</translation>
    </message>
</context>
<context>
    <name>Smoothing</name>
    <message>
        <source>Debiased, x-aware exponential moving average (as W&amp;B&apos;s time-weighted EMA).
The weight is the memory per typical x spacing; a gap in x forgets as much as the steps it skipped.
Debiasing divides by the accumulated weight, so the start is not pulled towards the first point.
Smoothing runs on the full series before decimation; the raw series stays drawn faintly.</source>
        <translation>Entzerrter, x-bewusster exponentieller gleitender Mittelwert (wie der zeitgewichtete EMA von W&amp;B).
Das Gewicht ist das Gedächtnis pro typischem x-Abstand; eine Lücke in x vergisst so viel wie die übersprungenen Schritte.
Die Entzerrung teilt durch das aufsummierte Gewicht, sodass der Anfang nicht zum ersten Punkt hin gezogen wird.
Geglättet wird die vollständige Reihe vor dem Ausdünnen; die Rohreihe bleibt blass gezeichnet.</translation>
    </message>
</context>
<context>
    <name>StudyEstimate</name>
    <message>
        <source>–</source>
        <translation>–</translation>
    </message>
    <message>
        <source>about %1 s</source>
        <translation>etwa %1 s</translation>
    </message>
    <message>
        <source>about %1 min</source>
        <translation>etwa %1 min</translation>
    </message>
    <message>
        <source>about %1 h</source>
        <translation>etwa %1 h</translation>
    </message>
    <message>
        <source>Choose an output folder for the study.</source>
        <translation>Bitte einen Ausgabeordner für die Studie wählen.</translation>
    </message>
    <message>
        <source>%1 exists and is not a study folder; choose an empty or new folder.</source>
        <translation>%1 existiert und ist kein Studienordner; bitte einen leeren oder neuen Ordner wählen.</translation>
    </message>
    <message>
        <source>%1 is not writable.</source>
        <translation>%1 ist nicht beschreibbar.</translation>
    </message>
    <message>
        <source>Only %1 MB free on %2; the study needs about %3 MB.</source>
        <translation>Nur %1 MB frei auf %2; die Studie braucht etwa %3 MB.</translation>
    </message>
    <message>
        <source>%1 · %2 M parameters · ~%3 GiB to finetune</source>
        <translation>%1 · %2 Mio. Parameter · ~%3 GiB zum Feinabstimmen</translation>
    </message>
</context>
<context>
    <name>TaskOrder</name>
    <message>
        <source>By persona</source>
        <translation>Nach Persona</translation>
    </message>
    <message>
        <source>By clustering</source>
        <translation>Nach Clustering</translation>
    </message>
    <message>
        <source>As listed</source>
        <translation>Wie aufgeführt</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Task-transfer workbench for vision-language models</source>
        <translation>Werkbank für Aufgabentransfer in Vision-Language-Modellen</translation>
    </message>
    <message>
        <source>PGF or accuracy tables (CSV) to open, one per model</source>
        <translation>Zu öffnende PGF- oder Genauigkeitstabellen (CSV), eine pro Modell</translation>
    </message>
    <message>
        <source>Raise a panel at start (repeatable): matrix, graph, cliques, personas, detail, compare, setup or run</source>
        <translation>Beim Start einen Bereich nach vorn holen (wiederholbar): matrix, graph, cliques, personas, detail, compare, setup oder run</translation>
    </message>
    <message>
        <source>Select a task at start (name or abbreviation)</source>
        <translation>Beim Start eine Aufgabe auswählen (Name oder Abkürzung)</translation>
    </message>
    <message>
        <source>Show this model first (name as listed)</source>
        <translation>Dieses Modell zuerst zeigen (Name wie aufgeführt)</translation>
    </message>
    <message>
        <source>Load a study spec and start it (with --out)</source>
        <translation>Eine Studienspezifikation laden und starten (mit --out)</translation>
    </message>
    <message>
        <source>The study folder for --run</source>
        <translation>Der Studienordner für --run</translation>
    </message>
</context>
<context>
    <name>ts::AccuracyTableReader</name>
    <message>
        <source>unknown task &apos;%1&apos; (expected %2one of: %3)</source>
        <translation>unbekannte Aufgabe &apos;%1&apos; (erwartet: %2eine von: %3)</translation>
    </message>
    <message>
        <source>&apos;base&apos; or </source>
        <translation>&apos;base&apos; oder </translation>
    </message>
    <message>
        <source>expected a non-negative whole number, found &apos;%1&apos;</source>
        <translation>nichtnegative ganze Zahl erwartet, gefunden: &apos;%1&apos;</translation>
    </message>
    <message>
        <source>no data rows after the header</source>
        <translation>keine Datenzeilen nach der Kopfzeile</translation>
    </message>
    <message>
        <source>expected a model name, found nothing</source>
        <translation>Modellname erwartet, aber nichts gefunden</translation>
    </message>
    <message>
        <source>expected a run name (only &apos;base&apos; rows may leave it empty or &apos;*&apos;)</source>
        <translation>Laufname erwartet (nur &apos;base&apos;-Zeilen dürfen ihn leer lassen oder &apos;*&apos; angeben)</translation>
    </message>
    <message>
        <source>expected at least one question, found 0</source>
        <translation>mindestens eine Frage erwartet, gefunden: 0</translation>
    </message>
    <message>
        <source>expected at most total (%1) correct answers, found %2</source>
        <translation>höchstens total (%1) richtige Antworten erwartet, gefunden: %2</translation>
    </message>
    <message>
        <source>duplicate row for model &apos;%1&apos;, run &apos;%2&apos;, source &apos;%3&apos;, target &apos;%4&apos; (first given on line %5)</source>
        <translation>doppelte Zeile für Modell &apos;%1&apos;, Lauf &apos;%2&apos;, Quelle &apos;%3&apos;, Ziel &apos;%4&apos; (zuerst in Zeile %5)</translation>
    </message>
    <message>
        <source>model &apos;%1&apos; has only base rows (expected finetuned rows with a source task)</source>
        <translation>Modell &apos;%1&apos; hat nur base-Zeilen (erwartet: Zeilen nach Feintuning mit einer Quellaufgabe)</translation>
    </message>
    <message>
        <source>missing base row for model &apos;%1&apos;, run &apos;%2&apos;, target &apos;%3&apos; (expected a row with source &apos;base&apos; for this run or for run &apos;*&apos;)</source>
        <translation>fehlende base-Zeile für Modell &apos;%1&apos;, Lauf &apos;%2&apos;, Ziel &apos;%3&apos; (erwartet: eine Zeile mit Quelle &apos;base&apos; für diesen Lauf oder für Lauf &apos;*&apos;)</translation>
    </message>
    <message>
        <source>missing row for model &apos;%1&apos;, run &apos;%2&apos;, source &apos;%3&apos;, target &apos;%4&apos; (expected every run to cover every source × target pair)</source>
        <translation>fehlende Zeile für Modell &apos;%1&apos;, Lauf &apos;%2&apos;, Quelle &apos;%3&apos;, Ziel &apos;%4&apos; (erwartet: jeder Lauf deckt jedes Paar Quelle × Ziel ab)</translation>
    </message>
    <message>
        <source>no finetuned cell is stored yet (models %1 have base rows only)</source>
        <translation>noch keine feinabgestimmte Zelle gespeichert (die Modelle %1 haben nur Basiszeilen)</translation>
    </message>
</context>
<context>
    <name>ts::CsvReader</name>
    <message>
        <source>missing column &apos;%1&apos; (expected columns: %2)</source>
        <translation>fehlende Spalte &apos;%1&apos; (erwartete Spalten: %2)</translation>
    </message>
    <message>
        <source>unterminated quoted field</source>
        <translation>nicht abgeschlossenes Feld in Anführungszeichen</translation>
    </message>
    <message>
        <source>the file is empty (expected a header row)</source>
        <translation>die Datei ist leer (erwartet: eine Kopfzeile)</translation>
    </message>
    <message>
        <source>expected %1 fields as in the header, found %2</source>
        <translation>%1 Felder wie in der Kopfzeile erwartet, gefunden: %2</translation>
    </message>
    <message>
        <source>cannot read the file (%1)</source>
        <translation>die Datei kann nicht gelesen werden (%1)</translation>
    </message>
    <message>
        <source>expected a number, found &apos;%1&apos;</source>
        <translation>Zahl erwartet, gefunden: &apos;%1&apos;</translation>
    </message>
</context>
<context>
    <name>ts::GraphPainter</name>
    <message>
        <source>cannot write the file (%1)</source>
        <translation>die Datei kann nicht geschrieben werden (%1)</translation>
    </message>
    <message>
        <source>cannot write the file</source>
        <translation>die Datei kann nicht geschrieben werden</translation>
    </message>
    <message>
        <source>Graphviz could not render SVG</source>
        <translation>Graphviz konnte kein SVG erzeugen</translation>
    </message>
</context>
<context>
    <name>ts::HeatmapPainter</name>
    <message>
        <source>source (finetuned on)</source>
        <translation>Quelle (Feintuning auf)</translation>
    </message>
    <message>
        <source>target (evaluated on)</source>
        <translation>Ziel (evaluiert auf)</translation>
    </message>
    <message>
        <source>PGF</source>
        <translation>PGF</translation>
    </message>
    <message>
        <source>cannot write the PNG file</source>
        <translation>die PNG-Datei kann nicht geschrieben werden</translation>
    </message>
    <message>
        <source>PGF heat map written by Transferscope</source>
        <translation>PGF-Heatmap, geschrieben von Transferscope</translation>
    </message>
    <message>
        <source>cannot write the SVG file</source>
        <translation>die SVG-Datei kann nicht geschrieben werden</translation>
    </message>
    <message>
        <source>cannot write the PDF file</source>
        <translation>die PDF-Datei kann nicht geschrieben werden</translation>
    </message>
</context>
<context>
    <name>ts::MatrixTableExport</name>
    <message>
        <source>cannot write the file (%1)</source>
        <translation>die Datei kann nicht geschrieben werden (%1)</translation>
    </message>
</context>
<context>
    <name>ts::Personas</name>
    <message>
        <source>Donor</source>
        <translation>Spender</translation>
    </message>
    <message>
        <source>Pirate</source>
        <translation>Pirat</translation>
    </message>
    <message>
        <source>Sponge</source>
        <translation>Schwamm</translation>
    </message>
    <message>
        <source>Sieve</source>
        <translation>Sieb</translation>
    </message>
    <message>
        <source>high positive transferability Δ⁺</source>
        <translation>hohe positive Übertragbarkeit Δ⁺</translation>
    </message>
    <message>
        <source>high negative transferability |Δ⁻|</source>
        <translation>hohe negative Übertragbarkeit |Δ⁻|</translation>
    </message>
    <message>
        <source>high positive malleability Θ⁺</source>
        <translation>hohe positive Formbarkeit Θ⁺</translation>
    </message>
    <message>
        <source>high negative malleability |Θ⁻|</source>
        <translation>hohe negative Formbarkeit |Θ⁻|</translation>
    </message>
    <message>
        <source>Donors</source>
        <translation>Spender</translation>
    </message>
    <message>
        <source>Pirates</source>
        <translation>Piraten</translation>
    </message>
    <message>
        <source>Sponges</source>
        <translation>Schwämme</translation>
    </message>
    <message>
        <source>Sieves</source>
        <translation>Siebe</translation>
    </message>
</context>
<context>
    <name>ts::PgfTableReader</name>
    <message>
        <source>unknown task &apos;%1&apos; (expected one of: %2)</source>
        <translation>unbekannte Aufgabe &apos;%1&apos; (erwartet: eine von: %2)</translation>
    </message>
    <message>
        <source>no data rows after the header</source>
        <translation>keine Datenzeilen nach der Kopfzeile</translation>
    </message>
    <message>
        <source>expected a seed name, found nothing</source>
        <translation>Seed-Name erwartet, aber nichts gefunden</translation>
    </message>
    <message>
        <source>expected a finite number, found &apos;%1&apos;</source>
        <translation>endliche Zahl erwartet, gefunden: &apos;%1&apos;</translation>
    </message>
    <message>
        <source>duplicate row for seed &apos;%1&apos;, ft_task &apos;%2&apos;, task &apos;%3&apos; (first given on line %4)</source>
        <translation>doppelte Zeile für seed &apos;%1&apos;, ft_task &apos;%2&apos;, task &apos;%3&apos; (zuerst in Zeile %4)</translation>
    </message>
    <message>
        <source>missing row for seed &apos;%1&apos;, ft_task &apos;%2&apos;, task &apos;%3&apos; (expected every seed to cover every ft_task × task pair)</source>
        <translation>fehlende Zeile für seed &apos;%1&apos;, ft_task &apos;%2&apos;, task &apos;%3&apos; (erwartet: jeder Seed deckt jedes Paar ft_task × task ab)</translation>
    </message>
</context>
<context>
    <name>ts::TransferTableLoader</name>
    <message>
        <source>unrecognised header (expected either the columns seed, ft_task, task, perfection_gap_factor or model, run, source, target, correct, total)</source>
        <translation>unbekannte Kopfzeile (erwartet: entweder die Spalten seed, ft_task, task, perfection_gap_factor oder model, run, source, target, correct, total)</translation>
    </message>
</context>
<context>
    <name>ts::cli</name>
    <message>
        <source>validate and plan a study spec, report or export a study folder</source>
        <translation>Studienspezifikation prüfen und planen, Studienordner auswerten oder exportieren</translation>
    </message>
    <message>
        <source>analyse PGF tables: scores, graph, cliques, personas; --json, --export DIR</source>
        <translation>PGF-Tabellen analysieren: Kennzahlen, Graph, Cliquen, Personas; --json, --export DIR</translation>
    </message>
    <message>
        <source>the embedded perception suite: list, gallery, export/import BLINK-format folders</source>
        <translation>die eingebaute Wahrnehmungs-Suite: list, gallery, Export/Import von Ordnern im BLINK-Format</translation>
    </message>
    <message>
        <source>pretrain and check the suite presets&apos; base models: pretrain, eval, finetune-gain</source>
        <translation>Basismodelle der Suite-Voreinstellungen vortrainieren und prüfen: pretrain, eval, finetune-gain</translation>
    </message>
    <message>
        <source>task transfer in vision-language models, headless</source>
        <translation>Aufgabentransfer in Vision-Language-Modellen, ohne Oberfläche</translation>
    </message>
    <message>
        <source>usage: transferscope-cli COMMAND [ARGS...]   (COMMAND --help for details)</source>
        <translation>Aufruf: transferscope-cli BEFEHL [ARGUMENTE...]   (BEFEHL --help für Einzelheiten)</translation>
    </message>
    <message>
        <source>commands:</source>
        <translation>Befehle:</translation>
    </message>
    <message>
        <source>resources: %1</source>
        <translation>Ressourcen: %1</translation>
    </message>
    <message>
        <source>(not found; set TRANSFERSCOPE_RESOURCES)</source>
        <translation>(nicht gefunden; TRANSFERSCOPE_RESOURCES setzen)</translation>
    </message>
    <message>
        <source>error: %1</source>
        <translation>Fehler: %1</translation>
    </message>
    <message>
        <source>error: unknown command &apos;%1&apos; (see transferscope-cli --help)</source>
        <translation>Fehler: unbekannter Befehl &apos;%1&apos; (siehe transferscope-cli --help)</translation>
    </message>
    <message>
        <source>usage: transferscope-cli study run SPEC.json --out DIR [--progress bar|json] [--workers N]
                                                    run a study (Ctrl-C: stop and keep; twice: abort)
       transferscope-cli study resume DIR [--progress bar|json] [--workers N]
                                                    continue a stopped or killed study at its first missing cell
       transferscope-cli study select DIR --target TASK [--threshold X] [--examples N]
                                                    PGF-guided data selection for TASK vs random mixture, direct, base
                                                    (N: training examples per mixture; default: the spec&apos;s train.examples)
       transferscope-cli study plan SPEC.json       validate a spec and list its cells
       transferscope-cli study status DIR           completed and missing cells of a study
       transferscope-cli study export DIR --to FILE.h5|FILE.csv
                                                    the whole study as one HDF5 file, or its accuracy table
--workers N: cells run side by side (default: the spec&apos;s &quot;workers&quot;; 0 there = one per core for presets)
</source>
        <translation>Aufruf: transferscope-cli study run SPEC.json --out DIR [--progress bar|json] [--workers N]
                                                    eine Studie ausführen (Strg+C: anhalten und behalten; zweimal: abbrechen)
       transferscope-cli study resume DIR [--progress bar|json] [--workers N]
                                                    eine angehaltene oder abgebrochene Studie bei der ersten fehlenden Zelle fortsetzen
       transferscope-cli study select DIR --target TASK [--threshold X] [--examples N]
                                                    PGF-geleitete Datenauswahl für TASK gegen Zufallsmischung, direkt, Basis
                                                    (N: Trainingsbeispiele je Mischung; Vorgabe: train.examples der Spezifikation)
       transferscope-cli study plan SPEC.json       eine Spezifikation prüfen und ihre Zellen auflisten
       transferscope-cli study status DIR           fertige und fehlende Zellen einer Studie
       transferscope-cli study export DIR --to FILE.h5|FILE.csv
                                                    die ganze Studie als eine HDF5-Datei oder ihre Genauigkeitstabelle
--workers N: Zellen laufen nebeneinander (Vorgabe: &quot;workers&quot; der Spezifikation; 0 dort = eine je Kern für Presets)
</translation>
    </message>
    <message>
        <source>usage: transferscope-cli tasks list
       transferscope-cli tasks gallery --task X|all [--count N] [--split train|val|test] [--seed K]
                                        [--level 0-3] [--size PX] [--start I] --out FILE.png
       transferscope-cli tasks export --task X|all [--split S] [--count N] [--blink-sizes] [--seed K]
                                       [--level L] [--size PX] [--no-scene] --out DIR
       transferscope-cli tasks import DIR [--skip-bad]
X is a task name or abbreviation (VS AS VC RD RR SR JS CO FC SC MV OL FD) or a primitive
(P-COL P-SHP P-LOC P-TEX P-CNT P-SIDE); &apos;all&apos; means the 13 tasks.
</source>
        <translation>Aufruf: transferscope-cli tasks list
       transferscope-cli tasks gallery --task X|all [--count N] [--split train|val|test] [--seed K]
                                        [--level 0-3] [--size PX] [--start I] --out FILE.png
       transferscope-cli tasks export --task X|all [--split S] [--count N] [--blink-sizes] [--seed K]
                                       [--level L] [--size PX] [--no-scene] --out DIR
       transferscope-cli tasks import DIR [--skip-bad]
X ist ein Aufgabenname oder eine Abkürzung (VS AS VC RD RR SR JS CO FC SC MV OL FD) oder eine Grundfertigkeit
(P-COL P-SHP P-LOC P-TEX P-CNT P-SIDE); &apos;all&apos; steht für die 13 Aufgaben.
</translation>
    </message>
    <message>
        <source>usage: transferscope-cli model pretrain --preset NAME --out DIR [--minutes M | --steps N] [--seed S] [--batch B] [--threads T]
                [--init DIR] [--adaptive [--warm]] [--task TASK[:LEVEL],TASK[:LEVEL],...] [--level L]
       transferscope-cli model eval DIR|--preset NAME [--items N] [--tasks VS,P-TEX] [--level L] [--threads T]
       transferscope-cli model finetune-gain DIR|--preset NAME [--items N] [--tasks VS,AS] [--level L] [--seed S] [--spec FILE] [--threads T]
       transferscope-cli model info DIR|--preset NAME
       transferscope-cli model merge DIR|--preset NAME --adapter DIR --out DIR [--format nanovlm|idefics3]
       transferscope-cli model blend DIR_A DIR_B --alpha X --out DIR
</source>
        <translation>Aufruf: transferscope-cli model pretrain --preset NAME --out DIR [--minutes M | --steps N] [--seed S] [--batch B] [--threads T]
                [--init DIR] [--adaptive [--warm]] [--task TASK[:LEVEL],TASK[:LEVEL],...] [--level L]
       transferscope-cli model eval DIR|--preset NAME [--items N] [--tasks VS,P-TEX] [--level L] [--threads T]
       transferscope-cli model finetune-gain DIR|--preset NAME [--items N] [--tasks VS,AS] [--level L] [--seed S] [--spec FILE] [--threads T]
       transferscope-cli model info DIR|--preset NAME
       transferscope-cli model merge DIR|--preset NAME --adapter DIR --out DIR [--format nanovlm|idefics3]
       transferscope-cli model blend DIR_A DIR_B --alpha X --out DIR
</translation>
    </message>
</context>
<context>
    <name>ts::cli::analyze</name>
    <message>
        <source>%1: none</source>
        <translation>%1: keine</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n maximum clique(s) of size %2</source>
        <translation>
            <numerusform>%1: %n maximale Clique der Größe %2</numerusform>
            <numerusform>%1: %n maximale Cliquen der Größe %2</numerusform>
        </translation>
    </message>
    <message>
        <source>mean PGF %1, weakest link %2, Wilcoxon on %3 pooled values p = %4</source>
        <translation>mittlerer PGF %1, schwächste Verbindung %2, Wilcoxon über %3 gepoolte Werte p = %4</translation>
    </message>
    <message>
        <source>%1 tasks, %2 runs (%3)</source>
        <translation>%1 Aufgaben, %2 Läufe (%3)</translation>
    </message>
    <message>
        <source>Strongest edges (|mean PGF| ≥ %1, %2: %3 edges, %4 positive, %5 negative)</source>
        <translation>Stärkste Kanten (|mittlerer PGF| ≥ %1, %2: %3 Kanten, %4 positiv, %5 negativ)</translation>
    </message>
    <message>
        <source>Drift control (mean PGF per target, subtracted above):</source>
        <translation>Driftkontrolle (mittlerer PGF pro Ziel, oben abgezogen):</translation>
    </message>
    <message>
        <source>Drift control (mean PGF per target):</source>
        <translation>Driftkontrolle (mittlerer PGF pro Ziel):</translation>
    </message>
    <message>
        <source>Cliques (mutual mean PGF of one sign in both directions):</source>
        <translation>Cliquen (gegenseitiger mittlerer PGF desselben Vorzeichens in beide Richtungen):</translation>
    </message>
    <message>
        <source>positive</source>
        <translation>positiv</translation>
    </message>
    <message>
        <source>negative</source>
        <translation>negativ</translation>
    </message>
    <message>
        <source>Personas (top %1 per score):</source>
        <translation>Personas (die besten %1 pro Kennzahl):</translation>
    </message>
    <message>
        <source>Personas (z ≥ %1 over the model&apos;s tasks):</source>
        <translation>Personas (z ≥ %1 über die Aufgaben des Modells):</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>score %1 (±%2 over runs), rank %3, z %4</source>
        <translation>Wert %1 (±%2 über die Läufe), Rang %3, z %4</translation>
    </message>
    <message>
        <source>Transferability (as source) and malleability (as target), N = %1:</source>
        <translation>Übertragbarkeit (als Quelle) und Formbarkeit (als Ziel), N = %1:</translation>
    </message>
    <message>
        <source>mean Δ⁺ %1; top donor: %2</source>
        <translation>mittleres Δ⁺ %1; stärkster Spender: %2</translation>
    </message>
    <message>
        <source>mean PGF over %1 runs, %2 (rows: source, columns: target)</source>
        <translation>mittlerer PGF über %1 Läufe, %2 (Zeilen: Quelle, Spalten: Ziel)</translation>
    </message>
    <message>
        <source>%1: task transfer, |PGF| ≥ %2</source>
        <translation>%1: Aufgabentransfer, |PGF| ≥ %2</translation>
    </message>
    <message>
        <source>%1: mean PGF over %2 runs</source>
        <translation>%1: mittlerer PGF über %2 Läufe</translation>
    </message>
    <message>
        <source>Analyse task transfer: PGF matrix, transferability/malleability, transfer graph, cliques, personas, significance.</source>
        <translation>Aufgabentransfer analysieren: PGF-Matrix, Übertragbarkeit/Formbarkeit, Transfergraph, Cliquen, Personas, Signifikanz.</translation>
    </message>
    <message>
        <source>authors&apos; PGF table or accuracy table (CSV); several allowed</source>
        <translation>PGF-Tabelle der Autoren oder Genauigkeitstabelle (CSV); mehrere erlaubt</translation>
    </message>
    <message>
        <source>Show this help.</source>
        <translation>Diese Hilfe anzeigen.</translation>
    </message>
    <message>
        <source>Print one JSON document instead of the text report.</source>
        <translation>Ein JSON-Dokument statt des Textberichts ausgeben.</translation>
    </message>
    <message>
        <source>Write tables and figures per model into DIR.</source>
        <translation>Tabellen und Abbildungen pro Modell nach DIR schreiben.</translation>
    </message>
    <message>
        <source>Graph edges need |mean PGF| ≥ X (default 0.25).</source>
        <translation>Graphkanten brauchen |mittlerer PGF| ≥ X (Vorgabe 0.25).</translation>
    </message>
    <message>
        <source>Edge filter: all, positive or negative (default all).</source>
        <translation>Kantenfilter: all, positive oder negative (Vorgabe all).</translation>
    </message>
    <message>
        <source>Graph layout: dot, circo, neato or fdp (default dot).</source>
        <translation>Graph-Layout: dot, circo, neato oder fdp (Vorgabe dot).</translation>
    </message>
    <message>
        <source>Persona rule: z (z ≥ 1, default) or topk.</source>
        <translation>Persona-Regel: z (z ≥ 1, Vorgabe) oder topk.</translation>
    </message>
    <message>
        <source>k for --persona-rule topk (default 3).</source>
        <translation>k für --persona-rule topk (Vorgabe 3).</translation>
    </message>
    <message>
        <source>z threshold for --persona-rule z (default 1).</source>
        <translation>z-Schwelle für --persona-rule z (Vorgabe 1).</translation>
    </message>
    <message>
        <source>Include each task&apos;s effect on itself in Δ/Θ and AHP.</source>
        <translation>Die Wirkung jeder Aufgabe auf sich selbst in Δ/Θ und AHP einbeziehen.</translation>
    </message>
    <message>
        <source>Model name for a PGF table (default: from the file name).</source>
        <translation>Modellname für eine PGF-Tabelle (Vorgabe: aus dem Dateinamen).</translation>
    </message>
    <message>
        <source>How many strongest edges to print (default 10).</source>
        <translation>Wie viele der stärksten Kanten ausgegeben werden (Vorgabe 10).</translation>
    </message>
    <message>
        <source>Study folders: subtract the drift-control cell&apos;s PGF from every source (task-specific transfer only).</source>
        <translation>Studienordner: den PGF der Driftkontroll-Zelle von jeder Quelle abziehen (nur aufgabenspezifischer Transfer).</translation>
    </message>
    <message>
        <source>Exported graphs group tasks by persona (Graphviz clusters; dot and fdp).</source>
        <translation>Exportierte Graphen gruppieren Aufgaben nach Persona (Graphviz-Cluster; dot und fdp).</translation>
    </message>
    <message>
        <source>expected a number, found &apos;%1&apos;</source>
        <translation>Zahl erwartet, gefunden: &apos;%1&apos;</translation>
    </message>
    <message>
        <source>expected all, positive or negative, found &apos;%1&apos;</source>
        <translation>all, positive oder negative erwartet, gefunden: &apos;%1&apos;</translation>
    </message>
    <message>
        <source>expected dot, circo, neato or fdp, found &apos;%1&apos;</source>
        <translation>dot, circo, neato oder fdp erwartet, gefunden: &apos;%1&apos;</translation>
    </message>
    <message>
        <source>expected z or topk, found &apos;%1&apos;</source>
        <translation>z oder topk erwartet, gefunden: &apos;%1&apos;</translation>
    </message>
    <message>
        <source>no input file (usage: transferscope-cli analyze [OPTIONS] FILE…)</source>
        <translation>keine Eingabedatei (Aufruf: transferscope-cli analyze [OPTIONEN] DATEI…)</translation>
    </message>
    <message>
        <source>only one input file may be given a model name</source>
        <translation>nur einer Eingabedatei darf ein Modellname gegeben werden</translation>
    </message>
    <message>
        <source>skipped a damaged cell: %1</source>
        <translation>beschädigte Zelle übersprungen: %1</translation>
    </message>
    <message>
        <source>model &apos;%1&apos; has no control cells to correct with</source>
        <translation>Modell &apos;%1&apos; hat keine Kontrollzellen für die Korrektur</translation>
    </message>
    <message>
        <source>cannot create the export directory</source>
        <translation>das Exportverzeichnis kann nicht angelegt werden</translation>
    </message>
    <message>
        <source>Personas consistent across all %1 models:</source>
        <translation>Personas, die in allen %1 Modellen übereinstimmen:</translation>
    </message>
    <message>
        <source>Mean Δ⁺ per model:</source>
        <translation>Mittleres Δ⁺ pro Modell:</translation>
    </message>
    <message>
        <source>Written:</source>
        <translation>Geschrieben:</translation>
    </message>
</context>
<context>
    <name>ts::ui::CellGridModel</name>
    <message>
        <source>queued</source>
        <translation>wartend</translation>
    </message>
    <message>
        <source>running</source>
        <translation>läuft</translation>
    </message>
    <message>
        <source>done</source>
        <translation>fertig</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>angehalten</translation>
    </message>
    <message>
        <source>Cell</source>
        <translation>Zelle</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>Source task</source>
        <translation>Quellaufgabe</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>Seed</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Fortschritt</translation>
    </message>
    <message>
        <source>Elapsed</source>
        <translation>Vergangen</translation>
    </message>
    <message>
        <source>ETA</source>
        <translation>Restzeit</translation>
    </message>
</context>
<context>
    <name>ts::ui::CliqueListModel</name>
    <message>
        <source>positive</source>
        <translation>positiv</translation>
    </message>
    <message>
        <source>negative</source>
        <translation>negativ</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1 clique of %2 tasks&lt;/b&gt;&lt;br&gt;%3&lt;br&gt;mean PGF inside %4, weakest |PGF| %5&lt;br&gt;one-sided Wilcoxon signed-rank over %6 pooled run values: p = %7%8</source>
        <translation>&lt;b&gt;%1 Clique aus %2 Aufgaben&lt;/b&gt;&lt;br&gt;%3&lt;br&gt;mittlerer PGF innerhalb %4, schwächster |PGF| %5&lt;br&gt;einseitiger Wilcoxon-Vorzeichen-Rang-Test über %6 gepoolte Laufwerte: p = %7%8</translation>
    </message>
    <message>
        <source>Positive (mutualistic)</source>
        <translation>Positive (wechselseitig fördernd)</translation>
    </message>
    <message>
        <source>Negative (antagonistic)</source>
        <translation>Negative (antagonistisch)</translation>
    </message>
    <message>
        <source> (exact)</source>
        <translation> (exakt)</translation>
    </message>
    <message>
        <source> (normal approximation)</source>
        <translation> (Normalapproximation)</translation>
    </message>
    <message>
        <source>Sign</source>
        <translation>Vorzeichen</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>Tasks</source>
        <translation>Aufgaben</translation>
    </message>
    <message>
        <source>Mean PGF</source>
        <translation>Mittlerer PGF</translation>
    </message>
    <message>
        <source>Weakest |PGF|</source>
        <translation>Schwächster |PGF|</translation>
    </message>
    <message>
        <source>Pooled n</source>
        <translation>Gepoolt n</translation>
    </message>
    <message>
        <source>Wilcoxon p</source>
        <translation>Wilcoxon p</translation>
    </message>
</context>
<context>
    <name>ts::ui::CliquesPanel</name>
    <message>
        <source>A positive (negative) clique: every ordered pair inside has mean PGF &gt; 0 (&lt; 0) in both directions. p: one-sided Wilcoxon signed-rank test of the pooled per-run PGF values.</source>
        <translation>Eine positive (negative) Clique: Jedes geordnete Paar darin hat in beiden Richtungen einen mittleren PGF &gt; 0 (&lt; 0). p: einseitiger Wilcoxon-Vorzeichen-Rang-Test der gepoolten PGF-Werte pro Lauf.</translation>
    </message>
    <message>
        <source>No study open.</source>
        <translation>Keine Studie geöffnet.</translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;%1&lt;/b&gt;: %n maximum positive clique(s) of size %2, </source>
        <translation>
            <numerusform>&lt;b&gt;%1&lt;/b&gt;: %n maximale positive Clique der Größe %2, </numerusform>
            <numerusform>&lt;b&gt;%1&lt;/b&gt;: %n maximale positive Cliquen der Größe %2, </numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n maximum negative clique(s) of size %1. Select one to highlight it.</source>
        <translation>
            <numerusform>%n maximale negative Clique der Größe %1. Zum Hervorheben eine auswählen.</numerusform>
            <numerusform>%n maximale negative Cliquen der Größe %1. Zum Hervorheben eine auswählen.</numerusform>
        </translation>
    </message>
    <message>
        <source>Maximum task cliques — %1</source>
        <translation>Maximale Aufgaben-Cliquen — %1</translation>
    </message>
</context>
<context>
    <name>ts::ui::ComparePanel</name>
    <message>
        <source>A:</source>
        <translation>A:</translation>
    </message>
    <message>
        <source>B:</source>
        <translation>B:</translation>
    </message>
    <message>
        <source>C:</source>
        <translation>C:</translation>
    </message>
    <message>
        <source>Optional third model</source>
        <translation>Optionales drittes Modell</translation>
    </message>
    <message>
        <source>Graphs: |PGF| ≥</source>
        <translation>Graphen: |PGF| ≥</translation>
    </message>
    <message>
        <source>Matrices</source>
        <translation>Matrizen</translation>
    </message>
    <message>
        <source>Graphs</source>
        <translation>Graphen</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Übersicht</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(keins)</translation>
    </message>
    <message>
        <source>%1 − %2</source>
        <translation>%1 − %2</translation>
    </message>
    <message numerus="yes">
        <source>%n edge(s), |PGF| ≥ %1</source>
        <translation>
            <numerusform>%n Kante, |PGF| ≥ %1</numerusform>
            <numerusform>%n Kanten, |PGF| ≥ %1</numerusform>
        </translation>
    </message>
    <message>
        <source>difference of means</source>
        <translation>Differenz der Mittelwerte</translation>
    </message>
    <message>
        <source>Difference %1</source>
        <translation>Differenz %1</translation>
    </message>
    <message numerus="yes">
        <source>Consensus of %n model(s)</source>
        <translation>
            <numerusform>Konsens von %n Modell</numerusform>
            <numerusform>Konsens von %n Modellen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n edge(s) with |PGF| ≥ %1 and the same sign in every model</source>
        <translation>
            <numerusform>%n Kante mit |PGF| ≥ %1 und gleichem Vorzeichen in jedem Modell</numerusform>
            <numerusform>%n Kanten mit |PGF| ≥ %1 und gleichem Vorzeichen in jedem Modell</numerusform>
        </translation>
    </message>
    <message>
        <source>PGF matrices on one scale: %1</source>
        <translation>PGF-Matrizen auf einer Skala: %1</translation>
    </message>
    <message>
        <source>Transfer graphs at |PGF| ≥ %1</source>
        <translation>Transfergraphen bei |PGF| ≥ %1</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>Mean Δ⁺</source>
        <translation>Mittleres Δ⁺</translation>
    </message>
    <message>
        <source>Top donor</source>
        <translation>Stärkster Spender</translation>
    </message>
    <message>
        <source>Positive clique</source>
        <translation>Positive Clique</translation>
    </message>
    <message>
        <source>Negative clique</source>
        <translation>Negative Clique</translation>
    </message>
    <message>
        <source>Edges ≥ threshold</source>
        <translation>Kanten ≥ Schwelle</translation>
    </message>
    <message>
        <source>consensus</source>
        <translation>Konsens</translation>
    </message>
    <message>
        <source>Model comparison: %1</source>
        <translation>Modellvergleich: %1</translation>
    </message>
</context>
<context>
    <name>ts::ui::CurvePlot</name>
    <message>
        <source>training loss</source>
        <translation>Trainingsverlust</translation>
    </message>
    <message>
        <source>learning rate</source>
        <translation>Lernrate</translation>
    </message>
    <message>
        <source>samples / s</source>
        <translation>Beispiele / s</translation>
    </message>
    <message>
        <source>mean target accuracy</source>
        <translation>mittlere Zielgenauigkeit</translation>
    </message>
    <message>
        <source>step</source>
        <translation>Schritt</translation>
    </message>
    <message>
        <source>wall time in the cell (s)</source>
        <translation>Laufzeit in der Zelle (s)</translation>
    </message>
</context>
<context>
    <name>ts::ui::DataSelectionPanel</name>
    <message>
        <source>No study: open or run one first.</source>
        <translation>Keine Studie: bitte zuerst eine öffnen oder ausführen.</translation>
    </message>
    <message>
        <source>PGF-guided source</source>
        <translation>PGF-geleitete Quelle</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>Anteil</translation>
    </message>
    <message>
        <source>Random source</source>
        <translation>Zufällige Quelle</translation>
    </message>
    <message>
        <source>Arm</source>
        <translation>Arm</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>Accuracy</source>
        <translation>Genauigkeit</translation>
    </message>
    <message>
        <source>95 % interval (Wilson)</source>
        <translation>95-%-Intervall (Wilson)</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>Beispiele</translation>
    </message>
    <message>
        <source>Run experiment</source>
        <translation>Experiment ausführen</translation>
    </message>
    <message>
        <source>τ: sources with mean PGF(source → target) above τ enter the guided mixture, weighted by PGF</source>
        <translation>τ: Quellen mit mittlerem PGF(Quelle → Ziel) über τ kommen in die geleitete Mischung, gewichtet nach PGF</translation>
    </message>
    <message>
        <source>Sources in the random mixture of the preview (the experiment matches the guided mixture&apos;s size)</source>
        <translation>Quellen in der Zufallsmischung der Vorschau (das Experiment gleicht die Größe der geleiteten Mischung an)</translation>
    </message>
    <message>
        <source>Propose</source>
        <translation>Vorschlagen</translation>
    </message>
    <message>
        <source>Study:</source>
        <translation>Studie:</translation>
    </message>
    <message>
        <source>Target task:</source>
        <translation>Zielaufgabe:</translation>
    </message>
    <message>
        <source>Threshold τ:</source>
        <translation>Schwelle τ:</translation>
    </message>
    <message>
        <source>Random mixture size:</source>
        <translation>Größe der Zufallsmischung:</translation>
    </message>
    <message>
        <source>&lt;b&gt;Results on the target&lt;/b&gt;</source>
        <translation>&lt;b&gt;Ergebnisse auf dem Ziel&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Open or run a study first.</source>
        <translation>Bitte zuerst eine Studie öffnen oder ausführen.</translation>
    </message>
    <message>
        <source>No source transfers to %1 above τ = %2 for %3.</source>
        <translation>Keine Quelle überträgt auf %1 oberhalb τ = %2 für %3.</translation>
    </message>
    <message>
        <source>Mixtures of %1 (the experiment runs every model and seed).</source>
        <translation>Mischungen für %1 (das Experiment läuft für jedes Modell und jeden Seed).</translation>
    </message>
    <message>
        <source>Running the data-selection experiment…</source>
        <translation>Das Datenauswahl-Experiment läuft…</translation>
    </message>
    <message>
        <source>Four arms on %1, pooled over seeds.</source>
        <translation>Vier Arme auf %1, gepoolt über die Seeds.</translation>
    </message>
    <message>
        <source>Training examples of each mixture, shared among its sources in proportion to their weights</source>
        <translation>Trainingsbeispiele jeder Mischung, auf ihre Quellen im Verhältnis ihrer Gewichte verteilt</translation>
    </message>
    <message>
        <source>Mixture size (training examples):</source>
        <translation>Größe der Mischung (Trainingsbeispiele):</translation>
    </message>
</context>
<context>
    <name>ts::ui::ExportDialog</name>
    <message>
        <source>Colour-blind safe palette</source>
        <translation>Farbenblind-sichere Palette</translation>
    </message>
    <message>
        <source>Export figure</source>
        <translation>Abbildung exportieren</translation>
    </message>
    <message>
        <source>Export all figures</source>
        <translation>Alle Abbildungen exportieren</translation>
    </message>
    <message>
        <source>Figure:</source>
        <translation>Abbildung:</translation>
    </message>
    <message>
        <source>Figures:</source>
        <translation>Abbildungen:</translation>
    </message>
    <message numerus="yes">
        <source>%n figure(s), each as PNG, SVG and PDF plus its data</source>
        <translation>
            <numerusform>%n Abbildung, jeweils als PNG, SVG und PDF mit ihren Daten</numerusform>
            <numerusform>%n Abbildungen, jeweils als PNG, SVG und PDF mit ihren Daten</numerusform>
        </translation>
    </message>
    <message>
        <source>Custom</source>
        <translation>Benutzerdefiniert</translation>
    </message>
    <message>
        <source> in</source>
        <translation> in</translation>
    </message>
    <message>
        <source> pt</source>
        <translation> pt</translation>
    </message>
    <message>
        <source> dpi</source>
        <translation> dpi</translation>
    </message>
    <message>
        <source>Preset:</source>
        <translation>Vorgabe:</translation>
    </message>
    <message>
        <source>Width:</source>
        <translation>Breite:</translation>
    </message>
    <message>
        <source>Font size:</source>
        <translation>Schriftgröße:</translation>
    </message>
    <message>
        <source>PNG resolution:</source>
        <translation>PNG-Auflösung:</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>Datei:</translation>
    </message>
    <message>
        <source>Folder:</source>
        <translation>Ordner:</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportieren</translation>
    </message>
    <message>
        <source>Export all figures to</source>
        <translation>Alle Abbildungen exportieren nach</translation>
    </message>
    <message>
        <source>PNG %1 × %2 px; SVG/PDF %3 in wide</source>
        <translation>PNG %1 × %2 px; SVG/PDF %3 in breit</translation>
    </message>
    <message>
        <source>nothing to export</source>
        <translation>nichts zu exportieren</translation>
    </message>
</context>
<context>
    <name>ts::ui::FigureExporter</name>
    <message>
        <source>PNG image (*.png)</source>
        <translation>PNG-Bild (*.png)</translation>
    </message>
    <message>
        <source>SVG drawing (*.svg)</source>
        <translation>SVG-Zeichnung (*.svg)</translation>
    </message>
    <message>
        <source>PDF document (*.pdf)</source>
        <translation>PDF-Dokument (*.pdf)</translation>
    </message>
    <message>
        <source>CSV data (*.csv)</source>
        <translation>CSV-Daten (*.csv)</translation>
    </message>
    <message>
        <source>JSON data (*.json)</source>
        <translation>JSON-Daten (*.json)</translation>
    </message>
    <message>
        <source>LaTeX table (*.tex)</source>
        <translation>LaTeX-Tabelle (*.tex)</translation>
    </message>
    <message>
        <source>DPI %1 is out of range (10–2400)</source>
        <translation>DPI %1 liegt außerhalb des Bereichs (10–2400)</translation>
    </message>
    <message>
        <source>cannot write %1</source>
        <translation>%1 kann nicht geschrieben werden</translation>
    </message>
    <message>
        <source>Exported by Transferscope</source>
        <translation>Exportiert von Transferscope</translation>
    </message>
    <message>
        <source>%1 cannot be exported as %2</source>
        <translation>%1 kann nicht als %2 exportiert werden</translation>
    </message>
    <message>
        <source>unknown export format for %1 (use .png, .svg, .pdf, .csv, .json or .tex)</source>
        <translation>unbekanntes Exportformat für %1 (bitte .png, .svg, .pdf, .csv, .json oder .tex verwenden)</translation>
    </message>
    <message>
        <source>cannot create folder %1</source>
        <translation>Ordner %1 kann nicht angelegt werden</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
</context>
<context>
    <name>ts::ui::GraphPanel</name>
    <message>
        <source>Graphviz layout engine</source>
        <translation>Graphviz-Layout-Verfahren</translation>
    </message>
    <message>
        <source>All edges</source>
        <translation>Alle Kanten</translation>
    </message>
    <message>
        <source>Positive</source>
        <translation>Positiv</translation>
    </message>
    <message>
        <source>Negative</source>
        <translation>Negativ</translation>
    </message>
    <message>
        <source>No cliques</source>
        <translation>Keine Cliquen</translation>
    </message>
    <message>
        <source>Positive cliques</source>
        <translation>Positive Cliquen</translation>
    </message>
    <message>
        <source>Negative cliques</source>
        <translation>Negative Cliquen</translation>
    </message>
    <message>
        <source>Highlight the maximum cliques of one sign</source>
        <translation>Die maximalen Cliquen eines Vorzeichens hervorheben</translation>
    </message>
    <message>
        <source>Show edges with |mean PGF| at least this threshold</source>
        <translation>Kanten mit |mittlerem PGF| ab dieser Schwelle zeigen</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>Einpassen</translation>
    </message>
    <message>
        <source>Fit the whole graph in the view</source>
        <translation>Den ganzen Graphen in die Ansicht einpassen</translation>
    </message>
    <message>
        <source>|PGF| ≥</source>
        <translation>|PGF| ≥</translation>
    </message>
    <message>
        <source>no study</source>
        <translation>keine Studie</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;Δ⁺ %2 · Δ⁻ %3&lt;br&gt;Θ⁺ %4 · Θ⁻ %5</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;Δ⁺ %2 · Δ⁻ %3&lt;br&gt;Θ⁺ %4 · Θ⁻ %5</translation>
    </message>
    <message>
        <source>Graph layout failed</source>
        <translation>Graph-Layout fehlgeschlagen</translation>
    </message>
    <message>
        <source>Graphviz could not lay out the graph: %1</source>
        <translation>Graphviz konnte den Graphen nicht anordnen: %1</translation>
    </message>
    <message>
        <source>Task-transfer graph — %1</source>
        <translation>Aufgabentransfer-Graph — %1</translation>
    </message>
    <message numerus="yes">
        <source>%n edge(s)</source>
        <translation>
            <numerusform>%n Kante</numerusform>
            <numerusform>%n Kanten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n edge(s) with |mean PGF| ≥ %1 (%2)</source>
        <translation>
            <numerusform>%n Kante mit |mittlerem PGF| ≥ %1 (%2)</numerusform>
            <numerusform>%n Kanten mit |mittlerem PGF| ≥ %1 (%2)</numerusform>
        </translation>
    </message>
    <message>
        <source>Personas</source>
        <translation>Personas</translation>
    </message>
    <message>
        <source>Group the tasks by their strongest persona: tinted nodes (green donor, orange pirate, blue sponge, pink sieve) inside Graphviz clusters with the dot and fdp layouts</source>
        <translation>Die Aufgaben nach ihrer stärksten Persona gruppieren: eingefärbte Knoten (grün Spender, orange Pirat, blau Schwamm, rosa Sieb) in Graphviz-Clustern bei den Layouts dot und fdp</translation>
    </message>
</context>
<context>
    <name>ts::ui::LanguageMenu</name>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Sprache</translation>
    </message>
    <message>
        <source>&amp;System</source>
        <translation>&amp;System</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <source>The new language is used when Transferscope starts the next time.</source>
        <translation>Die neue Sprache gilt ab dem nächsten Start von Transferscope.</translation>
    </message>
</context>
<context>
    <name>ts::ui::MainWindow</name>
    <message>
        <source>Transferscope</source>
        <translation>Transferscope</translation>
    </message>
    <message>
        <source>Matrix</source>
        <translation>Matrix</translation>
    </message>
    <message>
        <source>Transfer graph</source>
        <translation>Transfergraph</translation>
    </message>
    <message>
        <source>Cliques</source>
        <translation>Cliquen</translation>
    </message>
    <message>
        <source>Personas</source>
        <translation>Personas</translation>
    </message>
    <message>
        <source>Task detail</source>
        <translation>Aufgabendetails</translation>
    </message>
    <message>
        <source>Compare models</source>
        <translation>Modelle vergleichen</translation>
    </message>
    <message>
        <source>Study</source>
        <translation>Studie</translation>
    </message>
    <message>
        <source> Model: </source>
        <translation> Modell: </translation>
    </message>
    <message>
        <source>The model every view shows (Ctrl+PgUp / Ctrl+PgDown)</source>
        <translation>Das Modell, das alle Ansichten zeigen (Strg+Bild↑ / Strg+Bild↓)</translation>
    </message>
    <message>
        <source>Show %1</source>
        <translation>%1 zeigen</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Open study…</source>
        <translation>Studie ö&amp;ffnen…</translation>
    </message>
    <message>
        <source>&amp;Import the authors&apos; CSV tables…</source>
        <translation>CSV-Tabellen der Autoren &amp;importieren…</translation>
    </message>
    <message>
        <source>Open &amp;recent</source>
        <translation>&amp;Zuletzt geöffnet</translation>
    </message>
    <message>
        <source>&amp;Export figure…</source>
        <translation>Abbildung &amp;exportieren…</translation>
    </message>
    <message>
        <source>Export &amp;all figures…</source>
        <translation>&amp;Alle Abbildungen exportieren…</translation>
    </message>
    <message>
        <source>&amp;Close study</source>
        <translation>Studie &amp;schließen</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Study</source>
        <translation>&amp;Studie</translation>
    </message>
    <message>
        <source>&amp;Next model</source>
        <translation>&amp;Nächstes Modell</translation>
    </message>
    <message>
        <source>&amp;Previous model</source>
        <translation>&amp;Vorheriges Modell</translation>
    </message>
    <message>
        <source>&amp;Clear selection</source>
        <translation>Auswahl &amp;aufheben</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Panels</source>
        <translation>&amp;Bereiche</translation>
    </message>
    <message>
        <source>&amp;Reset layout</source>
        <translation>Anordnung &amp;zurücksetzen</translation>
    </message>
    <message>
        <source>&amp;Colour-blind safe palette</source>
        <translation>&amp;Farbenblind-sichere Palette</translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation>Farbs&amp;chema</translation>
    </message>
    <message>
        <source>&amp;System</source>
        <translation>&amp;System</translation>
    </message>
    <message>
        <source>&amp;Light</source>
        <translation>&amp;Hell</translation>
    </message>
    <message>
        <source>&amp;Dark</source>
        <translation>&amp;Dunkel</translation>
    </message>
    <message>
        <source>&amp;Full screen</source>
        <translation>&amp;Vollbild</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;About Transferscope</source>
        <translation>&amp;Über Transferscope</translation>
    </message>
    <message>
        <source>About Transferscope</source>
        <translation>Über Transferscope</translation>
    </message>
    <message>
        <source>&lt;b&gt;Transferscope %1&lt;/b&gt;&lt;br&gt;A workbench for task transfer in vision-language models (Sachdeva et al., arXiv 2511.18787).</source>
        <translation>&lt;b&gt;Transferscope %1&lt;/b&gt;&lt;br&gt;Eine Werkbank für Aufgabentransfer in Vision-Language-Modellen (Sachdeva et al., arXiv 2511.18787).</translation>
    </message>
    <message>
        <source>Clear list</source>
        <translation>Liste leeren</translation>
    </message>
    <message>
        <source>Opened %1</source>
        <translation>%1 geöffnet</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Could not open</source>
        <translation>Konnte nicht geöffnet werden</translation>
    </message>
    <message>
        <source>Open study</source>
        <translation>Studie öffnen</translation>
    </message>
    <message>
        <source>Transferscope studies (*.h5 *.hdf5)</source>
        <translation>Transferscope-Studien (*.h5 *.hdf5)</translation>
    </message>
    <message>
        <source>Transfer tables (*.csv)</source>
        <translation>Transfertabellen (*.csv)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Import PGF or accuracy tables (one per model)</source>
        <translation>PGF- oder Genauigkeitstabellen importieren (eine pro Modell)</translation>
    </message>
    <message>
        <source>CSV tables (*.csv);;All files (*)</source>
        <translation>CSV-Tabellen (*.csv);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Export figure</source>
        <translation>Abbildung exportieren</translation>
    </message>
    <message>
        <source>Open a study first.</source>
        <translation>Bitte zuerst eine Studie öffnen.</translation>
    </message>
    <message>
        <source>Exported %1</source>
        <translation>%1 exportiert</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>Export fehlgeschlagen</translation>
    </message>
    <message>
        <source>Export all figures</source>
        <translation>Alle Abbildungen exportieren</translation>
    </message>
    <message>
        <source>Export problems</source>
        <translation>Probleme beim Export</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n file(s) to %1</source>
        <translation>
            <numerusform>%n Datei nach %1 exportiert</numerusform>
            <numerusform>%n Dateien nach %1 exportiert</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 — Transferscope</source>
        <translation>%1 — Transferscope</translation>
    </message>
    <message numerus="yes">
        <source>%1 · %2 tasks · %n run(s)</source>
        <translation>
            <numerusform>%1 · %2 Aufgaben · %n Lauf</numerusform>
            <numerusform>%1 · %2 Aufgaben · %n Läufe</numerusform>
        </translation>
    </message>
    <message>
        <source>No study open — File → Import, or drop CSV tables here</source>
        <translation>Keine Studie geöffnet — Datei → Importieren, oder CSV-Tabellen hierher ziehen</translation>
    </message>
    <message>
        <source>Task: %1</source>
        <translation>Aufgabe: %1</translation>
    </message>
    <message>
        <source>Edge: %1 → %2</source>
        <translation>Kante: %1 → %2</translation>
    </message>
    <message>
        <source> · mean PGF %1</source>
        <translation> · mittlerer PGF %1</translation>
    </message>
    <message>
        <source>%1 clique: %2</source>
        <translation>%1 Clique: %2</translation>
    </message>
    <message>
        <source>Positive</source>
        <translation>Positiv</translation>
    </message>
    <message>
        <source>Negative</source>
        <translation>Negativ</translation>
    </message>
    <message>
        <source>Click a cell, node, edge or clique to select it</source>
        <translation>Zelle, Knoten, Kante oder Clique anklicken, um sie auszuwählen</translation>
    </message>
    <message>
        <source>Open study &amp;folder…</source>
        <translation>Studien&amp;ordner öffnen…</translation>
    </message>
    <message>
        <source>Open study folder</source>
        <translation>Studienordner öffnen</translation>
    </message>
    <message>
        <source>Study setup</source>
        <translation>Studie einrichten</translation>
    </message>
    <message>
        <source>Run monitor</source>
        <translation>Laufüberwachung</translation>
    </message>
    <message>
        <source>Data selection</source>
        <translation>Datenauswahl</translation>
    </message>
    <message>
        <source>%1 has no completed cell yet; the views fill in as cells complete</source>
        <translation>%1 hat noch keine fertige Zelle; die Ansichten füllen sich, sobald Zellen fertig werden</translation>
    </message>
    <message>
        <source>Not a Transferscope study (a folder with spec.json and cells/, or an exported .h5): %1</source>
        <translation>Keine Transferscope-Studie (ein Ordner mit spec.json und cells/ oder eine exportierte .h5): %1</translation>
    </message>
    <message>
        <source>Not a study</source>
        <translation>Keine Studie</translation>
    </message>
    <message>
        <source>These are not Transferscope studies (a folder with spec.json and cells/, or an exported .h5):

%1

Use File → Import for the authors&apos; CSV tables.</source>
        <translation>Das sind keine Transferscope-Studien (ein Ordner mit spec.json und cells/ oder eine exportierte .h5):

%1

Für die CSV-Tabellen der Autoren Datei → Importieren verwenden.</translation>
    </message>
</context>
<context>
    <name>ts::ui::MatrixPanel</name>
    <message>
        <source>Diagonal</source>
        <translation>Diagonale</translation>
    </message>
    <message>
        <source>Values</source>
        <translation>Werte</translation>
    </message>
    <message>
        <source>Run:</source>
        <translation>Lauf:</translation>
    </message>
    <message>
        <source>Order:</source>
        <translation>Reihenfolge:</translation>
    </message>
    <message>
        <source>The mean over runs, or one run&apos;s matrix</source>
        <translation>Der Mittelwert über die Läufe oder die Matrix eines Laufs</translation>
    </message>
    <message>
        <source>Order rows and columns as listed, grouped by persona, or by clustering of the tasks&apos; transfer profiles</source>
        <translation>Zeilen und Spalten wie aufgeführt ordnen, nach Persona gruppiert oder nach Clustering der Transferprofile der Aufgaben</translation>
    </message>
    <message>
        <source>Show the diagonal (a task&apos;s effect on itself)</source>
        <translation>Die Diagonale zeigen (die Wirkung einer Aufgabe auf sich selbst)</translation>
    </message>
    <message>
        <source>Write the value in each cell</source>
        <translation>Den Wert in jede Zelle schreiben</translation>
    </message>
    <message>
        <source>Mean of runs</source>
        <translation>Mittel der Läufe</translation>
    </message>
    <message>
        <source>No study open</source>
        <translation>Keine Studie geöffnet</translation>
    </message>
    <message>
        <source>PGF matrix — %1</source>
        <translation>PGF-Matrix — %1</translation>
    </message>
</context>
<context>
    <name>ts::ui::PersonaScatterPlot</name>
    <message>
        <source>positive transferability Δ⁺ (as a source)</source>
        <translation>positive Übertragbarkeit Δ⁺ (als Quelle)</translation>
    </message>
    <message>
        <source>negative transferability |Δ⁻| (as a source)</source>
        <translation>negative Übertragbarkeit |Δ⁻| (als Quelle)</translation>
    </message>
    <message>
        <source>positive malleability Θ⁺ (as a target)</source>
        <translation>positive Formbarkeit Θ⁺ (als Ziel)</translation>
    </message>
    <message>
        <source>negative malleability |Θ⁻| (as a target)</source>
        <translation>negative Formbarkeit |Θ⁻| (als Ziel)</translation>
    </message>
    <message>
        <source>No study open</source>
        <translation>Keine Studie geöffnet</translation>
    </message>
    <message>
        <source>Donors and sponges — %1</source>
        <translation>Spender und Schwämme — %1</translation>
    </message>
    <message>
        <source>Pirates and sieves — %1</source>
        <translation>Piraten und Siebe — %1</translation>
    </message>
    <message>
        <source>%1 →</source>
        <translation>%1 →</translation>
    </message>
    <message>
        <source>↑ %1</source>
        <translation>↑ %1</translation>
    </message>
    <message>
        <source>%1: rank %2, z = %3</source>
        <translation>%1: Rang %2, z = %3</translation>
    </message>
</context>
<context>
    <name>ts::ui::PersonaTableModel</name>
    <message>
        <source>%1 (rank %2, z %3)</source>
        <translation>%1 (Rang %2, z %3)</translation>
    </message>
    <message>
        <source>Δ⁺: helps %1 of %2 targets (mean ± std over runs)</source>
        <translation>Δ⁺: hilft %1 von %2 Zielen (Mittel ± Standardabweichung über die Läufe)</translation>
    </message>
    <message>
        <source>Δ⁻: hurts %1 of %2 targets</source>
        <translation>Δ⁻: schadet %1 von %2 Zielen</translation>
    </message>
    <message>
        <source>Θ⁺: helped by %1 of %2 sources</source>
        <translation>Θ⁺: profitiert von %1 von %2 Quellen</translation>
    </message>
    <message>
        <source>Θ⁻: hurt by %1 of %2 sources</source>
        <translation>Θ⁻: leidet unter %1 von %2 Quellen</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>Aufgabe</translation>
    </message>
    <message>
        <source>Δ⁺</source>
        <translation>Δ⁺</translation>
    </message>
    <message>
        <source>Δ⁻</source>
        <translation>Δ⁻</translation>
    </message>
    <message>
        <source>Θ⁺</source>
        <translation>Θ⁺</translation>
    </message>
    <message>
        <source>Θ⁻</source>
        <translation>Θ⁻</translation>
    </message>
    <message>
        <source>Personas</source>
        <translation>Personas</translation>
    </message>
</context>
<context>
    <name>ts::ui::PersonasPanel</name>
    <message>
        <source>z-score ≥</source>
        <translation>z-Wert ≥</translation>
    </message>
    <message>
        <source>top k =</source>
        <translation>beste k =</translation>
    </message>
    <message>
        <source>A task holds a persona when its score is at least z standard deviations above the model&apos;s mean, or is among the k highest</source>
        <translation>Eine Aufgabe hat eine Persona, wenn ihr Wert mindestens z Standardabweichungen über dem Mittel des Modells liegt oder zu den k höchsten gehört</translation>
    </message>
    <message>
        <source>Persona rule:</source>
        <translation>Persona-Regel:</translation>
    </message>
    <message>
        <source>Δ: transferability as a source, Θ: malleability as a target (mean ± std over runs). Donor: high Δ⁺, Pirate: high |Δ⁻|, Sponge: high Θ⁺, Sieve: high |Θ⁻|.</source>
        <translation>Δ: Übertragbarkeit als Quelle, Θ: Formbarkeit als Ziel (Mittel ± Standardabweichung über die Läufe). Spender: hohes Δ⁺, Pirat: hohes |Δ⁻|, Schwamm: hohes Θ⁺, Sieb: hohes |Θ⁻|.</translation>
    </message>
    <message>
        <source>Task personas — %1</source>
        <translation>Aufgaben-Personas — %1</translation>
    </message>
</context>
<context>
    <name>ts::ui::PgfBarChart</name>
    <message>
        <source>mean PGF</source>
        <translation>mittlerer PGF</translation>
    </message>
    <message>
        <source>target (evaluated on)</source>
        <translation>Ziel (evaluiert auf)</translation>
    </message>
    <message>
        <source>source (finetuned on)</source>
        <translation>Quelle (Feintuning auf)</translation>
    </message>
    <message>
        <source>Outgoing PGF: %1 → each target (%2)</source>
        <translation>Ausgehender PGF: %1 → jedes Ziel (%2)</translation>
    </message>
    <message>
        <source>Incoming PGF: each source → %1 (%2)</source>
        <translation>Eingehender PGF: jede Quelle → %1 (%2)</translation>
    </message>
    <message>
        <source>positive</source>
        <translation>positiv</translation>
    </message>
    <message>
        <source>negative</source>
        <translation>negativ</translation>
    </message>
</context>
<context>
    <name>ts::ui::PgfHeatmapPlot</name>
    <message>
        <source>PGF</source>
        <translation>PGF</translation>
    </message>
    <message>
        <source>target (evaluated on)</source>
        <translation>Ziel (evaluiert auf)</translation>
    </message>
    <message>
        <source>source (finetuned on)</source>
        <translation>Quelle (Feintuning auf)</translation>
    </message>
</context>
<context>
    <name>ts::ui::PgfMatrixModel</name>
    <message>
        <source>&lt;b&gt;%1 → %2&lt;/b&gt;&lt;br&gt;</source>
        <translation>&lt;b&gt;%1 → %2&lt;/b&gt;&lt;br&gt;</translation>
    </message>
    <message>
        <source>diagonal (self-transfer) hidden</source>
        <translation>Diagonale (Selbsttransfer) ausgeblendet</translation>
    </message>
    <message numerus="yes">
        <source>mean PGF &lt;b&gt;%1&lt;/b&gt; over %n run(s)</source>
        <translation>
            <numerusform>mittlerer PGF &lt;b&gt;%1&lt;/b&gt; über %n Lauf</numerusform>
            <numerusform>mittlerer PGF &lt;b&gt;%1&lt;/b&gt; über %n Läufe</numerusform>
        </translation>
    </message>
    <message>
        <source>&lt;br&gt;std %1 · 95% CI [%2, %3]</source>
        <translation>&lt;br&gt;Std.-Abw. %1 · 95-%-KI [%2, %3]</translation>
    </message>
    <message>
        <source>&lt;br&gt;t-test p = %1</source>
        <translation>&lt;br&gt;t-Test p = %1</translation>
    </message>
    <message>
        <source>&lt;br&gt;runs: %1</source>
        <translation>&lt;br&gt;Läufe: %1</translation>
    </message>
    <message>
        <source>PGF &lt;b&gt;%1&lt;/b&gt; in run %2</source>
        <translation>PGF &lt;b&gt;%1&lt;/b&gt; in Lauf %2</translation>
    </message>
    <message>
        <source>&lt;br&gt;&lt;i&gt;model %1</source>
        <translation>&lt;br&gt;&lt;i&gt;Modell %1</translation>
    </message>
    <message>
        <source> · from %1</source>
        <translation> · aus %1</translation>
    </message>
</context>
<context>
    <name>ts::ui::RunMonitorPanel</name>
    <message>
        <source>Open study folder…</source>
        <translation>Studienordner öffnen…</translation>
    </message>
    <message>
        <source>Stop and keep</source>
        <translation>Anhalten und behalten</translation>
    </message>
    <message>
        <source>Abort</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Fortsetzen</translation>
    </message>
    <message>
        <source>Raw</source>
        <translation>Roh</translation>
    </message>
    <message>
        <source>No study. Start one from Setup, or open a study folder (one started from the CLI, stopped or finished).</source>
        <translation>Keine Studie. Eine unter „Studie einrichten“ starten oder einen Studienordner öffnen (von der CLI gestartet, angehalten oder fertig).</translation>
    </message>
    <message>
        <source>Finish the current training step, keep its checkpoint and end the study resumable</source>
        <translation>Den laufenden Trainingsschritt beenden, seinen Checkpoint behalten und die Studie fortsetzbar beenden</translation>
    </message>
    <message>
        <source>Stop at once: the cell in progress is lost; completed cells stay stored</source>
        <translation>Sofort anhalten: Die laufende Zelle geht verloren; fertige Zellen bleiben gespeichert</translation>
    </message>
    <message>
        <source>Continue a stopped or crashed study at the first missing cell</source>
        <translation>Eine angehaltene oder abgestürzte Studie bei der ersten fehlenden Zelle fortsetzen</translation>
    </message>
    <message>
        <source>Open study folder</source>
        <translation>Studienordner öffnen</translation>
    </message>
    <message>
        <source>Loss</source>
        <translation>Verlust</translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation>Lernrate</translation>
    </message>
    <message>
        <source>Throughput</source>
        <translation>Durchsatz</translation>
    </message>
    <message>
        <source>Evaluation accuracy</source>
        <translation>Evaluationsgenauigkeit</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>Schritte</translation>
    </message>
    <message>
        <source>Wall time</source>
        <translation>Laufzeit</translation>
    </message>
    <message>
        <source>Draw the unsmoothed series faintly under the smoothed line</source>
        <translation>Die ungeglättete Reihe blass unter der geglätteten Linie zeichnen</translation>
    </message>
    <message>
        <source>x:</source>
        <translation>x:</translation>
    </message>
    <message>
        <source>Smoothing (debiased EMA):</source>
        <translation>Glättung (entzerrter EMA):</translation>
    </message>
    <message>
        <source>Messages of transferscope-cli</source>
        <translation>Meldungen von transferscope-cli</translation>
    </message>
    <message>
        <source>The study&apos;s spec could not be read: %1</source>
        <translation>Die Spezifikation der Studie konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>Could not read %1: %2</source>
        <translation>%1 konnte nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>A study is running from this window; stop it before opening another.</source>
        <translation>In diesem Fenster läuft eine Studie; bitte erst anhalten, bevor eine andere geöffnet wird.</translation>
    </message>
    <message>
        <source>%1 is not a study folder (spec.json and cells/).</source>
        <translation>%1 ist kein Studienordner (spec.json und cells/).</translation>
    </message>
    <message>
        <source>%1 of %2 cells are stored. Resume continues at the first missing cell.</source>
        <translation>%1 von %2 Zellen sind gespeichert. Fortsetzen macht bei der ersten fehlenden Zelle weiter.</translation>
    </message>
    <message>
        <source>The study is complete (%1 cells).</source>
        <translation>Die Studie ist vollständig (%1 Zellen).</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>Startet…</translation>
    </message>
    <message>
        <source>Resuming…</source>
        <translation>Wird fortgesetzt…</translation>
    </message>
    <message>
        <source>Stopping: finishing the current step and keeping its checkpoint…</source>
        <translation>Hält an: Der laufende Schritt wird beendet und sein Checkpoint behalten…</translation>
    </message>
    <message>
        <source>Aborting…</source>
        <translation>Bricht ab…</translation>
    </message>
    <message>
        <source>Running.</source>
        <translation>Läuft.</translation>
    </message>
    <message>
        <source>Cell %1 failed: %2</source>
        <translation>Zelle %1 fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>Running %1/%2: %3 &lt; %4</source>
        <translation>Läuft %1/%2: %3 &lt; %4</translation>
    </message>
    <message>
        <source>%1/%2 cells stored</source>
        <translation>%1/%2 Zellen gespeichert</translation>
    </message>
    <message>
        <source>Another process is running this study; following its progress log and store.</source>
        <translation>Ein anderer Prozess führt diese Studie aus; ihr Fortschrittsprotokoll und ihr Speicher werden verfolgt.</translation>
    </message>
    <message>
        <source>The other process finished its run.</source>
        <translation>Der andere Prozess hat seinen Lauf beendet.</translation>
    </message>
    <message>
        <source>The process running this study has ended: %1 of %2 cells are stored. Resume continues at the first missing cell.</source>
        <translation>Der Prozess, der diese Studie ausführte, ist beendet: %1 von %2 Zellen sind gespeichert. Fortsetzen beginnt bei der ersten fehlenden Zelle.</translation>
    </message>
    <message>
        <source>Running in another process %1/%2, ETA %3</source>
        <translation>Läuft in einem anderen Prozess %1/%2, Restzeit %3</translation>
    </message>
</context>
<context>
    <name>ts::ui::SetupForm</name>
    <message>
        <source>Study name:</source>
        <translation>Name der Studie:</translation>
    </message>
    <message>
        <source>Models</source>
        <translation>Modelle</translation>
    </message>
    <message>
        <source>pretrained base</source>
        <translation>vortrainierte Basis</translation>
    </message>
    <message>
        <source>random (smoke tests only)</source>
        <translation>zufällig (nur für Smoke-Tests)</translation>
    </message>
    <message>
        <source>Random weights make a study run without the shipped base models; never use them for findings</source>
        <translation>Zufällige Gewichte lassen eine Studie ohne die mitgelieferten Basismodelle laufen; nie für Ergebnisse verwenden</translation>
    </message>
    <message>
        <source>Add checkpoint folder…</source>
        <translation>Checkpoint-Ordner hinzufügen…</translation>
    </message>
    <message>
        <source>Checkpoint folder (nanoVLM or SmolVLM format)</source>
        <translation>Checkpoint-Ordner (Format nanoVLM oder SmolVLM)</translation>
    </message>
    <message>
        <source>Checkpoint folders; Delete removes the selected one</source>
        <translation>Checkpoint-Ordner; Entf entfernt den ausgewählten</translation>
    </message>
    <message>
        <source>Tasks and roles</source>
        <translation>Aufgaben und Rollen</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>Aufgabe</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <source>source: finetuned on; target: evaluated on; both; unused</source>
        <translation>Quelle: Feintuning darauf; Ziel: darauf evaluiert; beides; ungenutzt</translation>
    </message>
    <message>
        <source>%1, val #0</source>
        <translation>%1, val #0</translation>
    </message>
    <message>
        <source>Training and evaluation</source>
        <translation>Training und Evaluation</translation>
    </message>
    <message>
        <source>Comma-separated seeds; each adds one finetune per model and source task</source>
        <translation>Seeds, durch Kommas getrennt; jeder fügt ein Feintuning pro Modell und Quellaufgabe hinzu</translation>
    </message>
    <message>
        <source>auto</source>
        <translation>automatisch</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>CUDA</source>
        <translation>CUDA</translation>
    </message>
    <message>
        <source>Steps per cell:</source>
        <translation>Schritte pro Zelle:</translation>
    </message>
    <message>
        <source>Batch:</source>
        <translation>Batch:</translation>
    </message>
    <message>
        <source>Training examples per task:</source>
        <translation>Trainingsbeispiele pro Aufgabe:</translation>
    </message>
    <message>
        <source>Learning rate:</source>
        <translation>Lernrate:</translation>
    </message>
    <message>
        <source>Evaluation items per target:</source>
        <translation>Evaluationsbeispiele pro Ziel:</translation>
    </message>
    <message>
        <source>Seeds:</source>
        <translation>Seeds:</translation>
    </message>
    <message>
        <source>Device:</source>
        <translation>Gerät:</translation>
    </message>
    <message>
        <source>Advanced</source>
        <translation>Erweitert</translation>
    </message>
    <message>
        <source>each task&apos;s default</source>
        <translation>Vorgabe der Aufgabe</translation>
    </message>
    <message>
        <source>all cores</source>
        <translation>alle Kerne</translation>
    </message>
    <message>
        <source>Drift-control cell per model and seed</source>
        <translation>Driftkontroll-Zelle pro Modell und Seed</translation>
    </message>
    <message>
        <source>Freeze the vision encoder</source>
        <translation>Den Bild-Encoder einfrieren</translation>
    </message>
    <message>
        <source>Method:</source>
        <translation>Verfahren:</translation>
    </message>
    <message>
        <source>Warm-up steps:</source>
        <translation>Aufwärmschritte:</translation>
    </message>
    <message>
        <source>Gradient accumulation:</source>
        <translation>Gradientenakkumulation:</translation>
    </message>
    <message>
        <source>Weight decay:</source>
        <translation>Gewichtsabfall:</translation>
    </message>
    <message>
        <source>Gradient clip:</source>
        <translation>Gradienten-Clipping:</translation>
    </message>
    <message>
        <source>LoRA rank:</source>
        <translation>LoRA-Rang:</translation>
    </message>
    <message>
        <source>LoRA alpha:</source>
        <translation>LoRA-Alpha:</translation>
    </message>
    <message>
        <source>Scoring:</source>
        <translation>Bewertung:</translation>
    </message>
    <message>
        <source>Evaluation batch:</source>
        <translation>Evaluations-Batch:</translation>
    </message>
    <message>
        <source>Difficulty:</source>
        <translation>Schwierigkeit:</translation>
    </message>
    <message>
        <source>Threads:</source>
        <translation>Threads:</translation>
    </message>
    <message>
        <source>%1 was not added:
%2</source>
        <translation>%1 wurde nicht hinzugefügt:
%2</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>Daten</translation>
    </message>
    <message>
        <source>Add BLINK folder…</source>
        <translation>BLINK-Ordner hinzufügen…</translation>
    </message>
    <message>
        <source>Take a task&apos;s items from a BLINK-format folder (as written by `transferscope-cli tasks export`): evaluation on its val items, training on its train split</source>
        <translation>Die Einträge einer Aufgabe aus einem Ordner im BLINK-Format nehmen (wie ihn `transferscope-cli tasks export` schreibt): Evaluation auf seinen val-Einträgen, Training auf seinem train-Split</translation>
    </message>
    <message>
        <source>Use embedded data</source>
        <translation>Eingebettete Daten verwenden</translation>
    </message>
    <message>
        <source>The selected task&apos;s items come from the embedded generator again</source>
        <translation>Die Einträge der gewählten Aufgabe kommen wieder vom eingebetteten Generator</translation>
    </message>
    <message>
        <source>Items from %1</source>
        <translation>Einträge aus %1</translation>
    </message>
    <message>
        <source>Not available: this build&apos;s libtorch has no CUDA device (see docs/building.md for a CUDA libtorch)</source>
        <translation>Nicht verfügbar: Die libtorch dieses Builds hat kein CUDA-Gerät (siehe docs/building.md für eine CUDA-libtorch)</translation>
    </message>
    <message>
        <source>embedded</source>
        <translation>eingebettet</translation>
    </message>
    <message>
        <source>Generated by the embedded suite</source>
        <translation>Von der eingebetteten Suite erzeugt</translation>
    </message>
    <message>
        <source>BLINK-format folder (a task folder with val.jsonl and train.jsonl)</source>
        <translation>Ordner im BLINK-Format (ein Aufgabenordner mit val.jsonl und train.jsonl)</translation>
    </message>
    <message>
        <source>%1 is not a folder</source>
        <translation>%1 ist kein Ordner</translation>
    </message>
    <message>
        <source>%1 holds none of the suite&apos;s 13 tasks</source>
        <translation>%1 enthält keine der 13 Aufgaben der Suite</translation>
    </message>
    <message>
        <source>Save each finetune&apos;s LoRA adapter (PEFT and Transferscope formats)</source>
        <translation>LoRA-Adapter jedes Finetunings speichern (PEFT- und Transferscope-Format)</translation>
    </message>
    <message>
        <source>Written to adapters/&lt;cell&gt;/ in the study folder; fold one into its base with &apos;transferscope-cli model merge&apos;</source>
        <translation>Wird in adapters/&lt;Zelle&gt;/ im Studienordner abgelegt; mit &apos;transferscope-cli model merge&apos; in das Basismodell einrechnen</translation>
    </message>
    <message>
        <source>bf16 autocast on CUDA</source>
        <translation>bf16-Autocast auf CUDA</translation>
    </message>
    <message>
        <source>Not available: this build&apos;s libtorch has no CUDA device</source>
        <translation>Nicht verfügbar: Die libtorch dieses Builds hat kein CUDA-Gerät</translation>
    </message>
</context>
<context>
    <name>ts::ui::SetupPanel</name>
    <message>
        <source>Start</source>
        <translation>Starten</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <source>Study folder (created by the run)</source>
        <translation>Studienordner (wird vom Lauf angelegt)</translation>
    </message>
    <message>
        <source>Study folder:</source>
        <translation>Studienordner:</translation>
    </message>
    <message>
        <source>The exact command Start runs; paste it in a terminal or a cluster job to run the same study</source>
        <translation>Genau der Befehl, den Starten ausführt; in ein Terminal oder einen Cluster-Job einfügen, um dieselbe Studie auszuführen</translation>
    </message>
    <message>
        <source>Save spec…</source>
        <translation>Spezifikation speichern…</translation>
    </message>
    <message>
        <source>Load spec…</source>
        <translation>Spezifikation laden…</translation>
    </message>
    <message>
        <source>Pre-flight check</source>
        <translation>Vorabprüfung</translation>
    </message>
    <message>
        <source>Checks the spec, base models and tokenizer, the device, the folder and the free disk space</source>
        <translation>Prüft die Spezifikation, Basismodelle und Tokenizer, das Gerät, den Ordner und den freien Speicherplatz</translation>
    </message>
    <message>
        <source>Save study spec</source>
        <translation>Studienspezifikation speichern</translation>
    </message>
    <message>
        <source>Study specs (*.json)</source>
        <translation>Studienspezifikationen (*.json)</translation>
    </message>
    <message>
        <source>Load study spec</source>
        <translation>Studienspezifikation laden</translation>
    </message>
    <message>
        <source>Pre-flight check passed: the study can start.</source>
        <translation>Vorabprüfung bestanden: Die Studie kann starten.</translation>
    </message>
    <message>
        <source>Command:</source>
        <translation>Befehl:</translation>
    </message>
    <message>
        <source>Estimate: – (the spec is incomplete)</source>
        <translation>Schätzung: – (die Spezifikation ist unvollständig)</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Estimate: %1 on the CPU (%2 × %3; measured speeds of the presets, ±30 %)</source>
        <translation>Schätzung: %1 auf der CPU (%2 × %3; gemessene Geschwindigkeiten der Voreinstellungen, ±30 %)</translation>
    </message>
    <message numerus="yes">
        <source>%n cell(s) side by side</source>
        <translation>
            <numerusform>%n Zelle gleichzeitig</numerusform>
            <numerusform>%n Zellen gleichzeitig</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n thread(s)</source>
        <translation>
            <numerusform>%n Thread</numerusform>
            <numerusform>%n Threads</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ts::ui::StudyProcess</name>
    <message>
        <source>Could not start %1: %2</source>
        <translation>%1 konnte nicht gestartet werden: %2</translation>
    </message>
    <message>
        <source>completed</source>
        <translation>abgeschlossen</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>angehalten</translation>
    </message>
    <message>
        <source>failed cells</source>
        <translation>fehlgeschlagene Zellen</translation>
    </message>
    <message>
        <source>aborted</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <source>crashed</source>
        <translation>abgestürzt</translation>
    </message>
    <message>
        <source>error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>A study is already running in this window.</source>
        <translation>In diesem Fenster läuft bereits eine Studie.</translation>
    </message>
    <message>
        <source>transferscope-cli was not found next to the workbench; it runs the training.</source>
        <translation>transferscope-cli wurde neben der Werkbank nicht gefunden; es führt das Training aus.</translation>
    </message>
    <message>
        <source>Aborted. The cell in progress is lost; completed cells are safe. Resume continues at the first missing cell.</source>
        <translation>Abgebrochen. Die laufende Zelle ist verloren; fertige Zellen sind sicher. Fortsetzen macht bei der ersten fehlenden Zelle weiter.</translation>
    </message>
    <message>
        <source>The training process crashed (signal %1); completed cells are safe. Resume continues at the first missing cell.</source>
        <translation>Der Trainingsprozess ist abgestürzt (Signal %1); fertige Zellen sind sicher. Fortsetzen macht bei der ersten fehlenden Zelle weiter.</translation>
    </message>
    <message>
        <source>The study completed.</source>
        <translation>Die Studie ist abgeschlossen.</translation>
    </message>
    <message>
        <source>Stopped and kept: the last step&apos;s state is saved. Resume continues where it stopped.</source>
        <translation>Angehalten und behalten: Der Zustand des letzten Schritts ist gespeichert. Fortsetzen macht dort weiter, wo angehalten wurde.</translation>
    </message>
    <message>
        <source>Some cells failed (%1); the others are stored. Resume retries the failed cells.</source>
        <translation>Einige Zellen sind fehlgeschlagen (%1); die anderen sind gespeichert. Fortsetzen versucht die fehlgeschlagenen Zellen erneut.</translation>
    </message>
    <message>
        <source>see failures.jsonl</source>
        <translation>siehe failures.jsonl</translation>
    </message>
    <message>
        <source>transferscope-cli ended with code %1: %2</source>
        <translation>transferscope-cli endete mit Code %1: %2</translation>
    </message>
    <message>
        <source>no message</source>
        <translation>keine Meldung</translation>
    </message>
</context>
<context>
    <name>ts::ui::TaskDetailPanel</name>
    <message>
        <source>&lt;h3&gt;No task selected&lt;/h3&gt;</source>
        <translation>&lt;h3&gt;Keine Aufgabe ausgewählt&lt;/h3&gt;</translation>
    </message>
    <message>
        <source>Click a task in the matrix, the graph or the personas view.</source>
        <translation>Eine Aufgabe in der Matrix, im Graphen oder in der Persona-Ansicht anklicken.</translation>
    </message>
    <message>
        <source>Options</source>
        <translation>Optionen</translation>
    </message>
    <message>
        <source>%1-way multiple choice</source>
        <translation>Multiple Choice mit %1 Optionen</translation>
    </message>
    <message>
        <source>BLINK val items</source>
        <translation>BLINK-Validierungsbeispiele</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>Frage</translation>
    </message>
    <message>
        <source>Skills</source>
        <translation>Fähigkeiten</translation>
    </message>
    <message>
        <source>Images per item</source>
        <translation>Bilder pro Beispiel</translation>
    </message>
    <message>
        <source>Base accuracy</source>
        <translation>Basisgenauigkeit</translation>
    </message>
    <message>
        <source>Self-finetuned accuracy</source>
        <translation>Genauigkeit nach Feintuning auf sich selbst</translation>
    </message>
    <message>
        <source>Accuracy</source>
        <translation>Genauigkeit</translation>
    </message>
    <message>
        <source>not in this data (PGF tables carry no accuracies)</source>
        <translation>nicht in diesen Daten (PGF-Tabellen enthalten keine Genauigkeiten)</translation>
    </message>
    <message>
        <source>Transferability</source>
        <translation>Übertragbarkeit</translation>
    </message>
    <message>
        <source>Δ⁺ %1 (helps %2 targets) · Δ⁻ %3 (hurts %4)</source>
        <translation>Δ⁺ %1 (hilft %2 Zielen) · Δ⁻ %3 (schadet %4)</translation>
    </message>
    <message>
        <source>Malleability</source>
        <translation>Formbarkeit</translation>
    </message>
    <message>
        <source>Θ⁺ %1 (helped by %2 sources) · Θ⁻ %3 (hurt by %4)</source>
        <translation>Θ⁺ %1 (profitiert von %2 Quellen) · Θ⁻ %3 (leidet unter %4)</translation>
    </message>
    <message>
        <source>Personas</source>
        <translation>Personas</translation>
    </message>
    <message>
        <source>none under the current rule</source>
        <translation>keine nach der aktuellen Regel</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message numerus="yes">
        <source> · %n run(s)</source>
        <translation>
            <numerusform> · %n Lauf</numerusform>
            <numerusform> · %n Läufe</numerusform>
        </translation>
    </message>
    <message>
        <source>No examples: %1 is not a task of the procedural suite.</source>
        <translation>Keine Beispiele: %1 ist keine Aufgabe der prozeduralen Suite.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Examples from the procedural suite&lt;/b&gt; (validation split, default level):</source>
        <translation>&lt;b&gt;Beispiele aus der prozeduralen Suite&lt;/b&gt; (Validierungsteil, Standardstufe):</translation>
    </message>
    <message>
        <source>val #%1, level %2</source>
        <translation>val #%1, Stufe %2</translation>
    </message>
    <message>
        <source>Examples could not be generated: %1</source>
        <translation>Beispiele konnten nicht erzeugt werden: %1</translation>
    </message>
    <message>
        <source>Examples: this build has no procedural task suite.</source>
        <translation>Beispiele: Dieser Build hat keine prozedurale Aufgaben-Suite.</translation>
    </message>
</context>
<context>
    <name>ts::ui::TransferGraphView</name>
    <message>
        <source>&lt;b&gt;%1 → %2&lt;/b&gt;&lt;br&gt;mean PGF %3</source>
        <translation>&lt;b&gt;%1 → %2&lt;/b&gt;&lt;br&gt;mittlerer PGF %3</translation>
    </message>
    <message>
        <source> ± %1 (std over runs)</source>
        <translation> ± %1 (Std.-Abw. über die Läufe)</translation>
    </message>
    <message>
        <source>positive PGF (helps)</source>
        <translation>positiver PGF (hilft)</translation>
    </message>
    <message>
        <source>negative PGF (hurts)</source>
        <translation>negativer PGF (schadet)</translation>
    </message>
    <message>
        <source>width ∝ |PGF| · |PGF| ≥ %1 · %2 layout</source>
        <translation>Breite ∝ |PGF| · |PGF| ≥ %1 · Layout %2</translation>
    </message>
</context>
</TS>
