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
    <name>ts::ui</name>
    <message>
        <source>cannot write %1: %2</source>
        <translation type="unfinished"></translation>
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
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Positive (mutualistic)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Negative (antagonistic)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (exact)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (normal approximation)</source>
        <translation type="unfinished"></translation>
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
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No study open.</source>
        <translation>Keine Studie geöffnet.</translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;%1&lt;/b&gt;: %n maximum positive clique(s) of size %2, </source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n maximum negative clique(s) of size %1. Select one to highlight it.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Maximum task cliques — %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ts::ui::ComparePanel</name>
    <message>
        <source>A:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>B:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Optional third model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Graphs: |PGF| ≥</source>
        <translation type="unfinished"></translation>
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
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n edge(s), |PGF| ≥ %1</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>difference of means</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Difference %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Consensus of %n model(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n edge(s) with |PGF| ≥ %1 and the same sign in every model</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>PGF matrices on one scale: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transfer graphs at |PGF| ≥ %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>Mean Δ⁺</source>
        <translation type="unfinished"></translation>
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
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>consensus</source>
        <translation>Konsens</translation>
    </message>
    <message>
        <source>Model comparison: %1</source>
        <translation type="unfinished"></translation>
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
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Custom</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> pt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> dpi</source>
        <translation type="unfinished"></translation>
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
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PNG %1 × %2 px; SVG/PDF %3 in wide</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nothing to export</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ts::ui::FigureExporter</name>
    <message>
        <source>PNG image (*.png)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SVG drawing (*.svg)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF document (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV data (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JSON data (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>LaTeX table (*.tex)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DPI %1 is out of range (10–2400)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot write %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported by Transferscope</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 cannot be exported as %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown export format for %1 (use .png, .svg, .pdf, .csv, .json or .tex)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot create folder %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ts::ui::GraphPanel</name>
    <message>
        <source>Graphviz layout engine</source>
        <translation type="unfinished"></translation>
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
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show edges with |mean PGF| at least this threshold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>Einpassen</translation>
    </message>
    <message>
        <source>Fit the whole graph in the view</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>|PGF| ≥</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no study</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;Δ⁺ %2 · Δ⁻ %3&lt;br&gt;Θ⁺ %4 · Θ⁻ %5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Graph layout failed</source>
        <translation>Graph-Layout fehlgeschlagen</translation>
    </message>
    <message>
        <source>Graphviz could not lay out the graph: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Task-transfer graph — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n edge(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n edge(s) with |mean PGF| ≥ %1 (%2)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Personas</source>
        <translation type="unfinished">Personas</translation>
    </message>
    <message>
        <source>Tint each node with its strongest persona: green donor, orange pirate, blue sponge, pink sieve</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ts::ui::MainWindow</name>
    <message>
        <source>Transferscope</source>
        <translation type="unfinished"></translation>
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
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show %1</source>
        <translation type="unfinished"></translation>
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
        <translation type="unfinished"></translation>
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
        <translation>&amp;Farbschema</translation>
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
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear list</source>
        <translation>Liste leeren</translation>
    </message>
    <message>
        <source>Opened %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Study folders and .h5 study stores are not yet supported (%1). Import the CSV tables instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not yet supported</source>
        <translation>Noch nicht unterstützt</translation>
    </message>
    <message>
        <source>Opening a Transferscope study folder or an exported .h5 store is not yet supported in this version.

%1

Use File → Import the authors&apos; CSV tables for PGF or accuracy tables.</source>
        <translation type="unfinished"></translation>
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
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transfer tables (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import PGF or accuracy tables (one per model)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV tables (*.csv);;All files (*)</source>
        <translation type="unfinished"></translation>
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
        <translation type="unfinished"></translation>
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
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>%1 — Transferscope</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 · %2 tasks · %n run(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>No study open — File → Import, or drop CSV tables here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Task: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edge: %1 → %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> · mean PGF %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 clique: %2</source>
        <translation type="unfinished"></translation>
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
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open study folder</source>
        <translation type="unfinished"></translation>
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
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order rows and columns as listed, grouped by persona, or by clustering of the tasks&apos; transfer profiles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the diagonal (a task&apos;s effect on itself)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write the value in each cell</source>
        <translation type="unfinished"></translation>
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
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ts::ui::PersonaScatterPlot</name>
    <message>
        <source>positive transferability Δ⁺ (as a source)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>negative transferability |Δ⁻| (as a source)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>positive malleability Θ⁺ (as a target)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>negative malleability |Θ⁻| (as a target)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No study open</source>
        <translation>Keine Studie geöffnet</translation>
    </message>
    <message>
        <source>Donors and sponges — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pirates and sieves — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 →</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>↑ %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: rank %2, z = %3</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ts::ui::PersonaTableModel</name>
    <message>
        <source>%1 (rank %2, z %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Δ⁺: helps %1 of %2 targets (mean ± std over runs)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Δ⁻: hurts %1 of %2 targets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Θ⁺: helped by %1 of %2 sources</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Θ⁻: hurt by %1 of %2 sources</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Task</source>
        <translation>Aufgabe</translation>
    </message>
    <message>
        <source>Δ⁺</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Δ⁻</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Θ⁺</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Θ⁻</source>
        <translation type="unfinished"></translation>
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
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>top k =</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A task holds a persona when its score is at least z standard deviations above the model&apos;s mean, or is among the k highest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Persona rule:</source>
        <translation>Persona-Regel:</translation>
    </message>
    <message>
        <source>Δ: transferability as a source, Θ: malleability as a target (mean ± std over runs). Donor: high Δ⁺, Pirate: high |Δ⁻|, Sponge: high Θ⁺, Sieve: high |Θ⁻|.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Task personas — %1</source>
        <translation type="unfinished"></translation>
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
        <translation>Quelle (feinabgestimmt auf)</translation>
    </message>
    <message>
        <source>Outgoing PGF: %1 → each target (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Incoming PGF: each source → %1 (%2)</source>
        <translation type="unfinished"></translation>
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
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>target (evaluated on)</source>
        <translation>Ziel (evaluiert auf)</translation>
    </message>
    <message>
        <source>source (finetuned on)</source>
        <translation>Quelle (feinabgestimmt auf)</translation>
    </message>
</context>
<context>
    <name>ts::ui::PgfMatrixModel</name>
    <message>
        <source>&lt;b&gt;%1 → %2&lt;/b&gt;&lt;br&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>diagonal (self-transfer) hidden</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>mean PGF &lt;b&gt;%1&lt;/b&gt; over %n run(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>&lt;br&gt;std %1 · 95% CI [%2, %3]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;br&gt;t-test p = %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;br&gt;runs: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PGF &lt;b&gt;%1&lt;/b&gt; in run %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;br&gt;&lt;i&gt;model %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> · from %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ts::ui::TaskDetailPanel</name>
    <message>
        <source>&lt;h3&gt;No task selected&lt;/h3&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Click a task in the matrix, the graph or the personas view.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Options</source>
        <translation>Optionen</translation>
    </message>
    <message>
        <source>%1-way multiple choice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>BLINK val items</source>
        <translation type="unfinished"></translation>
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
        <translation>Bilder pro Aufgabe</translation>
    </message>
    <message>
        <source>Base accuracy</source>
        <translation>Basisgenauigkeit</translation>
    </message>
    <message>
        <source>Self-finetuned accuracy</source>
        <translation>Genauigkeit nach eigenem Finetuning</translation>
    </message>
    <message>
        <source>Accuracy</source>
        <translation>Genauigkeit</translation>
    </message>
    <message>
        <source>not in this data (PGF tables carry no accuracies)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transferability</source>
        <translation>Übertragbarkeit</translation>
    </message>
    <message>
        <source>Δ⁺ %1 (helps %2 targets) · Δ⁻ %3 (hurts %4)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Malleability</source>
        <translation>Formbarkeit</translation>
    </message>
    <message>
        <source>Θ⁺ %1 (helped by %2 sources) · Θ⁻ %3 (hurt by %4)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Personas</source>
        <translation>Personas</translation>
    </message>
    <message>
        <source>none under the current rule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message numerus="yes">
        <source> · %n run(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>No examples: %1 is not a task of the procedural suite.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Examples from the procedural suite&lt;/b&gt; (validation split, default level):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>val #%1, level %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Examples could not be generated: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Examples: this build has no procedural task suite.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ts::ui::TransferGraphView</name>
    <message>
        <source>&lt;b&gt;%1 → %2&lt;/b&gt;&lt;br&gt;mean PGF %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> ± %1 (std over runs)</source>
        <translation type="unfinished"></translation>
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
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
