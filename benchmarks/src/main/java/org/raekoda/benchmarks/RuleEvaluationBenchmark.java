package org.raekoda.benchmarks;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.raekoda.api.application.Evaluation;
import org.raekoda.api.application.ApplicationException.FieldError;
import org.raekoda.api.eservice.EServiceDefinition;
import org.raekoda.engine.internal.eservice.DefinitionReader;
import org.raekoda.engine.internal.rules.FormValidator;
import org.raekoda.engine.internal.rules.RuleEngine;
import org.raekoda.engine.internal.spatial.Spatial;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What the engine spends on one application before it touches the database: the excavation
 * e-service's six criteria in the JEXL sandbox, the form's JSON Schema validation, and the spatial
 * facts (the location against the sample town's five zone layers, parsed from GeoJSON as on every
 * submission today). Baseline: the same comparisons written directly in Java.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class RuleEvaluationBenchmark {

    private final RuleEngine rules = new RuleEngine();
    private final FormValidator forms = new FormValidator();
    private EServiceDefinition excavation;
    private Map<String, Object> facts;
    private String rulesetHash;
    private Map<String, Object> location;
    private Map<String, String> layers;
    private final Map<String, PreparedGeometry> prepared = new LinkedHashMap<>();
    private Map<String, Object> form;
    private JsonNode formTree;

    @Setup
    public void setUp() throws Exception {
        ClassLoader loader = getClass().getClassLoader();
        try (InputStream in = loader.getResourceAsStream("OSGI-INF/raekoda/excavation.json")) {
            excavation = new DefinitionReader().read(in, file -> loader.getResource("OSGI-INF/raekoda/" + file));
        }
        form = new HashMap<>();
        form.put("address", "Rüütli 1, Tartu");
        form.put("purpose", "water");
        form.put("areaSquareMetres", 6);
        form.put("depthMetres", 1.2);
        form.put("startDate", "2026-12-01");
        form.put("durationDays", 3);
        form.put("trafficImpact", "none");
        location = Map.of("type", "Polygon", "coordinates", List.of(List.of(List.of(26.650, 58.350),
                List.of(26.651, 58.350), List.of(26.651, 58.3505), List.of(26.650, 58.3505), List.of(26.650, 58.350))));
        layers = new LinkedHashMap<>();
        for (String layer : List.of("heritage", "residential", "protected-area", "main-street", "restricted-street")) {
            try (InputStream in = loader.getResourceAsStream("org/raekoda/samples/layers/" + layer + ".geojson")) {
                layers.put(layer, new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        for (Map.Entry<String, String> layer : layers.entrySet()) {
            prepared.put(layer.getKey(), PreparedGeometryFactory.prepare(Spatial.read(layer.getValue())));
        }
        facts = Map.of("form", form, "location", Spatial.facts(location, prepared), "registry", Map.of(),
                "conflicts", Map.of("count", 0, "services", List.of()));
        formTree = FormValidator.tree(form);
        rulesetHash = RuleEngine.hash(excavation.criteria());
    }

    /** What a submission spends on zone layers, with the layers parsed and prepared once per node. */
    @Benchmark
    public Map<String, Object> spatialFactsFromFiveLayers() {
        return Spatial.facts(location, prepared);
    }

    /** What parsing the five layers' GeoJSON costs each time: what the cache of prepared layers saves. */
    @Benchmark
    public Map<String, Object> spatialFactsParsingTheLayersEachTime() throws Exception {
        Map<String, PreparedGeometry> parsed = new LinkedHashMap<>();
        for (Map.Entry<String, String> layer : layers.entrySet()) {
            parsed.put(layer.getKey(), PreparedGeometryFactory.prepare(Spatial.read(layer.getValue())));
        }
        return Spatial.facts(location, parsed);
    }

    /** As a submission evaluates: the rule set's version (hash) already known from the effective rule set. */
    @Benchmark
    public Evaluation criteriaInSandbox() {
        return rules.evaluate(excavation.criteria(), rulesetHash, facts);
    }

    /** The rule set's version alone: canonical JSON of the criteria and SHA-256. */
    @Benchmark
    public String rulesetHash() {
        return RuleEngine.hash(excavation.criteria());
    }

    @Benchmark
    public List<FieldError> formSchemaValidation() {
        return forms.validate("excavation@1.0.0", excavation.formSchema(), formTree, "/form");
    }

    @Benchmark
    public boolean baselinePlainJava() {
        return ((Number) form.get("areaSquareMetres")).doubleValue() <= 20
                && ((Number) form.get("depthMetres")).doubleValue() <= 1.5
                && ((Number) form.get("durationDays")).intValue() <= 10
                && "none".equals(form.get("trafficImpact"))
                && Boolean.FALSE.equals(((Map<?, ?>) ((Map<?, ?>) facts.get("location")).get("inZone")).get("main-street"))
                && ((Number) ((Map<?, ?>) facts.get("conflicts")).get("count")).intValue() == 0;
    }
}
