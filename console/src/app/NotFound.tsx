import { PageSection, Title, Content } from '@patternfly/react-core';
import { useIntl } from 'react-intl';
import { Link } from 'react-router';

export function NotFound() {
  const intl = useIntl();
  return (
    <PageSection>
      <Title headingLevel="h1">{intl.formatMessage({ id: 'notFound.title' })}</Title>
      <Content component="p">
        <Link to="/">{intl.formatMessage({ id: 'notFound.back' })}</Link>
      </Content>
    </PageSection>
  );
}
