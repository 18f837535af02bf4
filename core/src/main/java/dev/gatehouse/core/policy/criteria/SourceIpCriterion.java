package dev.gatehouse.core.policy.criteria;

import dev.gatehouse.core.net.CidrBlock;
import dev.gatehouse.core.policy.PolicyInput;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code source_ip}: an IPv4/IPv6 address or CIDR range, or a list of them; matches when the client address lies
 * in any of them. A request without a known client address does not match.
 */
public final class SourceIpCriterion implements Criterion {

    public static final String NAME = "source_ip";
    static final CriterionFactory FACTORY = SourceIpCriterion::create;

    private final CidrBlock[] blocks;
    private final Object json;

    private SourceIpCriterion(CidrBlock[] blocks, Object json) {
        this.blocks = blocks;
        this.json = json;
    }

    private static Criterion create(String subPath, Object value, CriterionContext context) {
        if (value instanceof String text) {
            CidrBlock block = parse(text, context);
            return block == null ? null : new SourceIpCriterion(new CidrBlock[] {block}, text);
        }
        if (!(value instanceof List<?>)) {
            context.error("expected an IP address or CIDR range, or a list of them, got "
                    + CriterionContext.typeName(value));
            return null;
        }
        List<?> list = context.nonEmptyList(value);
        if (list == null) {
            return null;
        }
        List<CidrBlock> blocks = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            CriterionContext at = context.child(i);
            String text = at.string(list.get(i));
            CidrBlock block = text == null ? null : parse(text, at);
            if (block != null) {
                blocks.add(block);
                texts.add(text);
            }
        }
        return blocks.size() == list.size()
                ? new SourceIpCriterion(blocks.toArray(new CidrBlock[0]), List.copyOf(texts))
                : null;
    }

    private static CidrBlock parse(String text, CriterionContext context) {
        CidrBlock block = CidrBlock.parse(text);
        if (block == null) {
            context.error("invalid IP address or CIDR range '" + text + "'");
        }
        return block;
    }

    @Override
    public String key() {
        return NAME;
    }

    @Override
    public long evaluate(PolicyInput input) {
        InetAddress source = input.request().sourceIp();
        if (source == null) {
            return Outcome.fail(Reason.SOURCE_IP_UNAUTHORIZED);
        }
        byte[] address = source.getAddress();
        for (CidrBlock block : blocks) {
            if (block.contains(address)) {
                return Outcome.pass(Reason.SOURCE_IP_OK);
            }
        }
        return Outcome.fail(Reason.SOURCE_IP_UNAUTHORIZED);
    }

    @Override
    public Object toJson() {
        return json;
    }
}
